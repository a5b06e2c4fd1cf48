using GraphQL.Types;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Neighbourhoods;

public sealed class NeighbourhoodType : ObjectGraphType<NeighbourhoodInfo>
{
    public const int DefaultFeedSize = 20;

    public NeighbourhoodType(IGrainFactory grains, ClusterCalls calls)
    {
        Name = "Neighbourhood";
        Description = "A neighbourhood (wijk) of the municipality, with its live feed.";
        Field(n => n.Code).Description("Our stable code for the neighbourhood.");
        Field(n => n.Name).Description("Its name as residents know it.");
        Field(n => n.District).Description("The district (stadsdeel) it lies in.");
        Field(n => n.CbsCode, nullable: true).Description("The public CBS code, where known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeedItemType>>>>("feed")
            .Description("The newest feed items, newest first.")
            .Argument<IntGraphType>("first", $"How many items, at most {Paging.MaxPageSize}; {DefaultFeedSize} when left out.")
            .ResolveAsync(async context =>
            {
                var first = Paging.PageSize(context, "first", DefaultFeedSize);
                return await calls.Run(() => grains.GetGrain<INeighbourhoodGrain>(context.Source.Code).GetLatest(first), context.CancellationToken);
            });
    }
}
