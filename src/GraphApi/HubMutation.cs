using GraphQL;
using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi;

public sealed class HubMutation : ObjectGraphType
{
    public HubMutation(IGrainFactory grains, ClusterCalls calls)
    {
        Name = "Mutation";
        Description = "Change things. Each mutation takes one input object and returns a payload with `errors` for input to fix.";

        Field<NonNullGraphType<SubmitInitiativePayloadType>>("submitInitiative")
            .Description("Starts a new initiative; it appears in its neighbourhood's feed at once.")
            .Argument<NonNullGraphType<SubmitInitiativeInputType>>("input", "The new initiative.")
            .ResolveAsync(async context =>
            {
                var submission = context.GetArgument<SubmitInitiative>("input");
                // One id for every try: a repeated submission returns the stored initiative.
                var initiative = grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
                return await calls.Run(() => initiative.Submit(submission), context.CancellationToken);
            });
    }
}
