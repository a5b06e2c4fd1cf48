namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public static class NeighbourhoodDirectory
{
    /// <summary>The key of the one directory grain.</summary>
    public const string Key = "municipality";

    public static INeighbourhoodDirectoryGrain Get(IGrainFactory grains) =>
        grains.GetGrain<INeighbourhoodDirectoryGrain>(Key);
}
