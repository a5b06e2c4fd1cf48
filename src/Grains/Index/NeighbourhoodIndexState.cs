namespace Haarlem.Initiatives.Grains.Index;

/// <summary>The stored state of a neighbourhood's index (JSON): the summaries. The figures are rebuilt from them on activation.</summary>
public sealed class NeighbourhoodIndexState
{
    public Dictionary<Guid, InitiativeSummary> Initiatives { get; set; } = [];
}
