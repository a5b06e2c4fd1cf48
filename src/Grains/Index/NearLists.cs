using Haarlem.Initiatives.Grains.Geo;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// A list by distance across neighbourhoods: each index of a neighbourhood the circle meets (all
/// of them without boundaries) gives its nearest; they are merged nearest first.
/// </summary>
public static class NearLists
{
    /// <summary>
    /// The first <paramref name="max"/> keys within the filter's circle after <paramref name="after"/>,
    /// nearest first, and how many match in all. <paramref name="run"/> wraps each grain call (the
    /// API's retry); null calls directly.
    /// </summary>
    public static async Task<(List<InitiativeNearKey> Keys, int Total)> Nearest(
        IGrainFactory grains,
        MunicipalityMap? map,
        IEnumerable<string> codes,
        InitiativeFilter filter,
        InitiativeNearKey? after,
        int max,
        DateOnly today,
        Func<Func<Task<InitiativeNearPart>>, Task<InitiativeNearPart>>? run = null)
    {
        var near = filter.Near ?? throw new ArgumentException("A near list needs filter.Near.", nameof(filter));
        var meeting = map?.NeighbourhoodsMeeting(near.Point, near.RadiusMetres);
        run ??= call => call();
        var parts = await Task.WhenAll(codes.Where(code => meeting is null || meeting.Contains(code)).Select(code =>
            run(() => grains.GetGrain<INeighbourhoodIndexGrain>(code).ListNear(filter, after, max, today))));
        return (parts.SelectMany(p => p.Items).Order().Take(max).ToList(), parts.Sum(p => p.TotalCount));
    }
}
