using GraphQL;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.GraphApi.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Overview;

/// <summary>The council's figures for a period and, optionally, one district.</summary>
public sealed record CouncilFigures(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string? District,
    OverviewFigures Figures,
    IReadOnlyList<(string District, int Count)> ByDistrict,
    IReadOnlyList<(NeighbourhoodInfo Neighbourhood, int Count)> ByNeighbourhood,
    IReadOnlyDictionary<Grains.Notifications.NoticeRoute, int> NoticesByRoute);

/// <summary>
/// Adds up the pre-aggregated figures of the neighbourhoods' indexes (one call per
/// neighbourhood, all at once; each answers from its monthly sums), never the initiatives.
/// </summary>
/// <param name="grains">The indexes.</param>
/// <param name="calls">How grain calls are made.</param>
/// <param name="time">The hub's clock (today decides what is overdue).</param>
/// <param name="inbox">Where the notices are counted per route (site, email, letter, phone); none in tests without the hub's tables.</param>
public sealed class CouncilOverview(IGrainFactory grains, ClusterCalls calls, [FromKeyedServices(HubClock.Key)] TimeProvider time, Grains.People.IInboxRows? inbox = null)
{
    /// <summary>Without a period: the last twelve months, this one included.</summary>
    public const int DefaultMonths = 12;

    public async Task<CouncilFigures> Get(string? district, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var toMonth = OverviewFigures.MonthOf(to ?? today);
        var fromMonth = from is { } start ? OverviewFigures.MonthOf(start) : toMonth - DefaultMonths + 1;
        if (fromMonth > toMonth)
        {
            throw new ExecutionError("The argument 'to' must not be before 'from'.") { Code = "INVALID_ARGUMENT" };
        }

        var all = await calls.Run(() => NeighbourhoodDirectory.Get(grains).List(), cancellationToken);
        if (district is not null && !all.Any(n => n.District == district))
        {
            throw Paging.UnknownDistrict(district, all);
        }

        var neighbourhoods = all.Where(n => district is null || n.District == district).ToList();
        var parts = await Task.WhenAll(neighbourhoods.Select(n =>
            calls.Run(() => grains.GetGrain<INeighbourhoodIndexGrain>(n.Code).GetFigures(fromMonth, toMonth, today), cancellationToken)));
        var sum = new OverviewFigures();
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        var counts = neighbourhoods.Zip(parts, (n, part) => (Neighbourhood: n, Count: part.Submitted)).ToList();
        var notices = inbox is null ? new Dictionary<Grains.Notifications.NoticeRoute, int>() : await inbox.CountByRoute(fromMonth, toMonth, cancellationToken);
        return new CouncilFigures(
            OverviewFigures.FirstDayOf(fromMonth),
            OverviewFigures.FirstDayOf(toMonth + 1).AddDays(-1),
            district,
            sum,
            counts.GroupBy(c => c.Neighbourhood.District).Select(g => (g.Key, g.Sum(c => c.Count))).ToList(),
            counts,
            notices);
    }
}
