namespace Haarlem.Initiatives.Grains.Geo;

/// <summary>
/// The homes registry: the residents who follow the area around their home, with their point and
/// radius (private: only the person themselves reads theirs back). The initiatives ask it who
/// lives near a place. One grain for the municipality. Key: <see cref="Homes.Key"/>.
/// </summary>
[Alias("haarlem.homes")]
public interface IHomesGrain : IGrainWithStringKey
{
    /// <summary>Sets (or with null removes) a person's home area. The caller has checked it (<see cref="GeoRules"/>).</summary>
    [Alias("set")]
    Task Set(string userId, HomeArea? home);

    [Alias("get")]
    Task<HomeArea?> Get(string userId);

    /// <summary>The people whose home area holds <paramref name="point"/>: their home within their own radius of it, by user id.</summary>
    [Alias("near"), ReadOnly]
    Task<IReadOnlyList<string>> Near(GeoPoint point);
}

public static class Homes
{
    public const string Key = "homes";

    public static IHomesGrain Get(IGrainFactory grains) => grains.GetGrain<IHomesGrain>(Key);
}

public sealed class HomesState
{
    public Dictionary<string, HomeArea> Homes { get; set; } = [];
}
