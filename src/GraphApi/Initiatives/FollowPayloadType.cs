using GraphQL.Types;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

/// <summary>What a person follows after a follow or unfollow, or what to fix.</summary>
public sealed record FollowResult(bool Following, IReadOnlyList<UserError> Errors);

public sealed class FollowPayloadType : ObjectGraphType<FollowResult>
{
    public FollowPayloadType()
    {
        Name = "FollowPayload";
        Description = "Whether you follow it now, or the reasons nothing changed.";
        Field(r => r.Following).Description("True when you follow it after this call.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Description("What to fix; empty on success.").Resolve(c => c.Source.Errors);
    }
}
