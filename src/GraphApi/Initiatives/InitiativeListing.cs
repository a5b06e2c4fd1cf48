using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.GraphApi.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

/// <summary>
/// Lists initiatives newest first from the neighbourhoods' indexes: one round of calls to the
/// chosen neighbourhoods' index grains, then one round for the page's initiatives (batched).
/// </summary>
public sealed class InitiativeListing(IGrainFactory grains, ClusterCalls calls, [FromKeyedServices(HubClock.Key)] TimeProvider time, IServiceProvider services)
{
    // With neighbourhood boundaries a near list asks only the neighbourhoods the circle meets.
    private readonly Grains.Geo.MunicipalityMap? _map = services.GetService<Grains.Geo.MunicipalityMap>();

    public const int DefaultPageSize = 20;

    /// <summary>The list for <c>initiatives(filter, first, after)</c>; <paramref name="neighbourhood"/> set for a neighbourhood's own list.</summary>
    public async Task<Connection<InitiativeDetails>> List(IResolveFieldContext context, string? neighbourhood)
    {
        var first = Paging.PageSize(context, "first", DefaultPageSize);
        var filter = context.GetArgument<Dictionary<string, object?>?>("filter") ?? [];
        var near = filter.GetValueOrDefault("near") as Grains.Geo.NearFilter;
        if (near is not null && Grains.Geo.GeoRules.Validate(near).FirstOrDefault() is { } wrong)
        {
            throw new ExecutionError($"{wrong.Field}: {wrong.Message}") { Code = "INVALID_ARGUMENT" };
        }

        var after = near is null ? Cursors.InitiativeAfter(context) : null;
        neighbourhood ??= filter.GetValueOrDefault("neighbourhood") as string;
        var district = filter.GetValueOrDefault("district") as string;
        var codes = await Neighbourhoods(neighbourhood, district, context.CancellationToken);
        var wanted = new InitiativeFilter(
            filter.GetValueOrDefault("theme") as Theme?, filter.GetValueOrDefault("status") as InitiativeStatus?, filter.GetValueOrDefault("overdue") as bool?,
            filter.GetValueOrDefault("hasContactOfficial") as bool?, Near: near);
        var today = WorkingDays.DayOf(time.GetUtcNow());
        if (near is not null)
        {
            return await ListNear(context, codes, wanted, first, today);
        }

        var parts = await Task.WhenAll(codes.Select(code =>
            calls.Run(() => grains.GetGrain<INeighbourhoodIndexGrain>(code).List(wanted, after, first + 1, today), context.CancellationToken)));
        var keys = parts.SelectMany(p => p.Items).Order().Take(first + 1).ToList();
        return await Page(context, keys, first, k => k.Id, Cursors.ForInitiative, parts.Sum(p => p.TotalCount), after is not null);
    }

    /// <summary>The page's initiatives (the first <paramref name="first"/> of <paramref name="keys"/>, one more tells whether there is a next page) as a connection.</summary>
    private static async Task<Connection<InitiativeDetails>> Page<TKey>(
        IResolveFieldContext context, List<TKey> keys, int first, Func<TKey, Guid> id, Func<TKey, string> cursor, int total, bool hasPreviousPage)
    {
        var page = keys.Take(first).ToList();

        // Ask for every initiative first, then wait: the loader sends them as one batch.
        var loader = HubLoaders.For(context).Details;
        var pending = page.Select(k => loader.Load(id(k))).ToList();
        var details = await Task.WhenAll(pending.Select(p => p.GetResultAsync(context.CancellationToken)));
        var edges = page.Zip(details)
            .Where(pair => pair.Second is not null)
            .Select(pair => new Edge<InitiativeDetails> { Cursor = cursor(pair.First), Node = pair.Second! })
            .ToList();
        return Paging.Connection(edges, total, hasNextPage: keys.Count > first, hasPreviousPage: hasPreviousPage);
    }

    /// <summary>The initiatives in the filter's circle, nearest first: each neighbourhood's nearest, merged by distance.</summary>
    private async Task<Connection<InitiativeDetails>> ListNear(IResolveFieldContext context, IReadOnlyList<string> codes, InitiativeFilter wanted, int first, DateOnly today)
    {
        var after = Cursors.NearAfter(context);
        var (keys, total) = await NearLists.Nearest(
            grains, _map, codes, wanted, after, first + 1, today, call => calls.Run(call, context.CancellationToken));
        return await Page(context, keys, first, k => k.Id, Cursors.ForNear, total, after is not null);
    }

    private async Task<IReadOnlyList<string>> Neighbourhoods(string? code, string? district, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            var info = await calls.Run(() => grains.GetGrain<INeighbourhoodGrain>(code).GetInfo(), cancellationToken)
                ?? throw new ExecutionError($"There is no neighbourhood with the code '{code}'; `neighbourhoods` lists them.") { Code = "INVALID_ARGUMENT" };
            return district is null || info.District == district ? [code] : [];
        }

        var all = await calls.Run(() => NeighbourhoodDirectory.Get(grains).List(), cancellationToken);
        if (district is not null && !all.Any(n => n.District == district))
        {
            throw Paging.UnknownDistrict(district, all);
        }

        return all.Where(n => district is null || n.District == district).Select(n => n.Code).ToList();
    }
}
