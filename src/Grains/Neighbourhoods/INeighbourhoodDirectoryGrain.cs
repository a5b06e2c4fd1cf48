namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>
/// The list of a municipality's neighbourhoods, loaded from its seed file. Key:
/// <see cref="NeighbourhoodDirectory.Key"/>.
/// </summary>
[Alias("haarlem.neighbourhood-directory")]
public interface INeighbourhoodDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Loads the neighbourhoods into their grains when the list differs from the one loaded before;
    /// returns whether anything changed.
    /// </summary>
    [Alias("load")]
    Task<bool> Load(IReadOnlyList<NeighbourhoodInfo> neighbourhoods);

    /// <summary>All neighbourhoods, ordered by district and then name.</summary>
    [Alias("list")]
    Task<IReadOnlyList<NeighbourhoodInfo>> List();
}
