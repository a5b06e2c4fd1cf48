using GraphQL.Types;
using Haarlem.Initiatives.Grains.Input;

namespace Haarlem.Initiatives.GraphApi.Input;

public sealed class InputKindType : EnumerationGraphType<InputKind>
{
    public InputKindType()
    {
        Name = "InputKind";
        Description = "SUPPORT, QUESTION, IDEA or CONCERN.";
    }
}
