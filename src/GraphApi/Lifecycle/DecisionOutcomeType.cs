using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class DecisionOutcomeType : EnumerationGraphType<DecisionOutcome>
{
    public DecisionOutcomeType()
    {
        Name = "DecisionOutcome";
        Description = "The municipality's decision: APPROVED, APPROVED_WITH_CONDITIONS or NOT_APPROVED (with a reason).";
    }
}
