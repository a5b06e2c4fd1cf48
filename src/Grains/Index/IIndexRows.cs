namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// Where the neighbourhood indexes keep their summaries: one row per initiative (table
/// <c>hub_index_summaries</c>), so that a report writes the summaries it changed, not the whole
/// neighbourhood (about 30,000 at national scale). Writes from many indexes share the hub tables'
/// grouped transaction; a summary with a revision not above the stored one changes nothing.
/// </summary>
public interface IIndexRows
{
    /// <summary>Stores the summaries of one neighbourhood and returns when they are stored.</summary>
    Task Store(string neighbourhood, IReadOnlyList<InitiativeSummary> summaries, CancellationToken cancellationToken = default);

    /// <summary>Every stored summary of the neighbourhood.</summary>
    Task<IReadOnlyList<InitiativeSummary>> Load(string neighbourhood, CancellationToken cancellationToken = default);
}
