using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>The stored state of a neighbourhood grain (JSON). <see cref="SchemaVersion"/> marks its shape.</summary>
public sealed class NeighbourhoodState
{
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public NeighbourhoodInfo? Info { get; set; }

    /// <summary>The sequence number of the newest item ever appended.</summary>
    public long LastSequence { get; set; }

    /// <summary>The items of the newest, unfinished page, oldest first (see <see cref="FeedPage"/>).</summary>
    public List<FeedItem> CurrentPage { get; set; } = [];

    /// <summary>Per initiative, the number of its newest event in this feed: an event up to it is a repeat.</summary>
    public Dictionary<Guid, int> PublishedEvents { get; set; } = [];

    /// <summary>
    /// The open initiatives of this neighbourhood and the day their current step is due: the
    /// neighbourhood's reminder checks them, so no initiative needs a reminder of its own.
    /// </summary>
    public Dictionary<Guid, DateOnly> Deadlines { get; set; } = [];

    /// <summary>Schema version 1 kept up to 1,000 recent items here; read only to migrate them into pages.</summary>
    public List<FeedItem>? Feed { get; set; }
}
