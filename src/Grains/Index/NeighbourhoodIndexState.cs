namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// The stored state of a neighbourhood's index before the summaries became rows (see
/// <see cref="IIndexRows"/>): the whole neighbourhood in one JSON value. Read only to move an
/// older hub's summaries into rows, then cleared.
/// </summary>
public sealed class NeighbourhoodIndexState
{
    public Dictionary<Guid, InitiativeSummary> Initiatives { get; set; } = [];
}
