using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>The stored state of a neighbourhood grain (JSON). <see cref="SchemaVersion"/> marks its shape.</summary>
public sealed class NeighbourhoodState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public NeighbourhoodInfo? Info { get; set; }

    /// <summary>The sequence number of the newest item ever appended.</summary>
    public long LastSequence { get; set; }

    /// <summary>The newest items, oldest first, at most <see cref="NeighbourhoodGrain.FeedWindow"/>.</summary>
    public List<FeedItem> Feed { get; set; } = [];
}
