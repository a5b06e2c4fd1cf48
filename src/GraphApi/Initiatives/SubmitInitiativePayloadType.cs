using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class SubmitInitiativePayloadType : ObjectGraphType<SubmitResult>
{
    public SubmitInitiativePayloadType()
    {
        Name = "SubmitInitiativePayload";
        Description = "The stored initiative, or the reasons nothing was stored.";
        Field<InitiativeType>("initiative").Description("The new initiative; null when there are errors.").Resolve(c => c.Source.Initiative);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("What to fix; empty when the initiative was stored.")
            .Resolve(c => c.Source.Errors);
    }
}
