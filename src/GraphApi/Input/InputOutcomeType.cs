using GraphQL.Types;
using Haarlem.Initiatives.Grains.Input;

namespace Haarlem.Initiatives.GraphApi.Input;

public sealed class InputOutcomeType : EnumerationGraphType<InputOutcome>
{
    public InputOutcomeType()
    {
        Name = "InputOutcome";
        Description = "What was done with input: ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED (with a reason).";
    }
}
