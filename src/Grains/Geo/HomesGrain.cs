using Haarlem.Initiatives.Grains.Common;
using NetTopologySuite.Index.Quadtree;

namespace Haarlem.Initiatives.Grains.Geo;

/// <summary>
/// Keeps the home areas in a quadtree (NetTopologySuite) beside the state, so that "who lives near
/// this place" looks at the homes in a rectangle of the widest radius around it, not at every home.
/// </summary>
public sealed class HomesGrain(
    [PersistentState("homes", GrainStorage.Name)] IPersistentState<HomesState> state)
    : Grain, IHomesGrain
{
    private readonly Quadtree<string> _tree = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (userId, home) in state.State.Homes)
        {
            _tree.Insert(Spot(home.Point), userId);
        }

        return Task.CompletedTask;
    }

    public async Task Set(string userId, HomeArea? home)
    {
        var held = state.State.Homes.GetValueOrDefault(userId);
        if (held == home)
        {
            return;
        }

        if (held is not null)
        {
            _tree.Remove(Spot(held.Point), userId);
            state.State.Homes.Remove(userId);
        }

        if (home is not null)
        {
            state.State.Homes[userId] = home;
            _tree.Insert(Spot(home.Point), userId);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage: start again from what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<HomeArea?> Get(string userId) => Task.FromResult(state.State.Homes.GetValueOrDefault(userId));

    public Task<IReadOnlyList<string>> Near(GeoPoint point)
    {
        var widest = GeoRules.HomeRadii[^1];
        IReadOnlyList<string> near = _tree.Query(MunicipalityMap.Around(point, widest))
            .Distinct()
            .Where(userId => state.State.Homes.TryGetValue(userId, out var home) && MunicipalityMap.DistanceMetres(home.Point, point) <= home.RadiusMetres)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(near);
    }

    private static NetTopologySuite.Geometries.Envelope Spot(GeoPoint point) => new(point.Longitude, point.Longitude, point.Latitude, point.Latitude);
}
