using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>
/// The stored state of a neighbourhood grain (JSON): since schema version 3 only what the
/// neighbourhood is. Its feed is kept as rows (<see cref="IFeedRows"/>), its open initiatives'
/// deadlines in its index. <see cref="SchemaVersion"/> marks the shape; the other properties are
/// what older versions kept here, read once to move them into rows.
/// </summary>
public sealed class NeighbourhoodState
{
    public const int CurrentSchemaVersion = 3;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public NeighbourhoodInfo? Info { get; set; }

    /// <summary>Versions 1 and 2: the sequence number of the newest item ever appended.</summary>
    public long LastSequence { get; set; }

    /// <summary>Version 2: the items of the newest, unfinished page, oldest first (full pages were in <see cref="FeedPageGrain"/>s).</summary>
    public List<FeedItem> CurrentPage { get; set; } = [];

    /// <summary>Version 2: per initiative, the number of its newest event in this feed (the rows tell this since).</summary>
    public Dictionary<Guid, int> PublishedEvents { get; set; } = [];

    /// <summary>Version 2: the open initiatives and the day their current step is due (their summaries in the index tell this since).</summary>
    public Dictionary<Guid, DateOnly> Deadlines { get; set; } = [];

    /// <summary>Version 1 kept up to 1,000 recent items here.</summary>
    public List<FeedItem>? Feed { get; set; }
}
