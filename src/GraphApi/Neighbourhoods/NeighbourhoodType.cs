using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.GraphApi.Initiatives;
using Microsoft.Extensions.DependencyInjection;
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
        Field<NonNullGraphType<ConnectionType<FeedItemType>>>("feed")
            .Description("The feed, newest first: `totalCount` is the number of items ever published here.")
            .Argument<IntGraphType>("first", $"How many items, at most {Paging.MaxPageSize}; {DefaultFeedSize} when left out.")
            .Argument<StringGraphType>("after", "The `endCursor` of the page before, to get older items.")
            .ResolveAsync(async context => await Feed(context, grains.GetGrain<INeighbourhoodGrain>(context.Source.Code), calls));
        Field<NonNullGraphType<ConnectionType<InitiativeType>>>("initiatives")
            .Description("The neighbourhood's initiatives, newest first.")
            .Argument<InitiativeFilterInputType>("filter", "Which initiatives (its neighbourhood and district are this neighbourhood's); all when left out.")
            .Argument<IntGraphType>("first", $"How many, at most {Paging.MaxPageSize}; {InitiativeListing.DefaultPageSize} when left out.")
            .Argument<StringGraphType>("after", "The `endCursor` of the page before, to get the next page.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<InitiativeListing>().List(context, context.Source.Code));
    }

    private static async Task<Connection<FeedItem>> Feed(IResolveFieldContext<NeighbourhoodInfo> context, INeighbourhoodGrain neighbourhood, ClusterCalls calls)
    {
        var first = Paging.PageSize(context, "first", DefaultFeedSize);
        var after = Cursors.FeedAfter(context);

        // Feed sequences run 1, 2, 3 ... without gaps, so the newest number is the count.
        IReadOnlyList<FeedItem> page;
        long total;
        if (after is not { } before)
        {
            page = await calls.Run(() => neighbourhood.GetLatest(Math.Max(first, 1)), context.CancellationToken);
            total = page.Count > 0 ? page[0].Sequence : 0;
            page = page.Take(first).ToList();
        }
        else
        {
            var older = await calls.Run(() => neighbourhood.GetAfter(Math.Max(0, before - 1 - first), first), context.CancellationToken);
            page = older.Where(i => i.Sequence < before).OrderByDescending(i => i.Sequence).ToList();
            var newest = await calls.Run(() => neighbourhood.GetLatest(1), context.CancellationToken);
            total = newest.Count > 0 ? newest[0].Sequence : 0;
        }

        var edges = page.Select(i => new Edge<FeedItem> { Cursor = Cursors.ForFeedItem(i.Sequence), Node = i }).ToList();
        return Paging.Connection(edges, (int)Math.Min(total, int.MaxValue), hasNextPage: page.Count > 0 && page[^1].Sequence > 1, hasPreviousPage: after is not null);
    }
}
