using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>One neighbourhood and its feed. Key: the neighbourhood's code.</summary>
[Alias("haarlem.neighbourhood")]
public interface INeighbourhoodGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Sets the neighbourhood's name and district (from the seed file); idempotent.</summary>
    [Alias("define")]
    Task Define(NeighbourhoodInfo info);

    /// <summary>The neighbourhood, or null when no neighbourhood has this code.</summary>
    [Alias("get-info")]
    Task<NeighbourhoodInfo?> GetInfo();

    /// <summary>
    /// Appends the entry with the next sequence number and tells the observers. An event that was
    /// appended before (same initiative, same or lower event number) is not appended again: the
    /// result is then null.
    /// </summary>
    [Alias("publish")]
    Task<FeedItem?> Publish(FeedEntry entry);

    /// <summary>
    /// Appends the entries in order, as <see cref="Publish"/> does each, and returns each one's item
    /// (null for a repeat). Entries that arrive from many initiatives while a write is under way
    /// share the next write (group commit); the result comes when they are stored.
    /// </summary>
    [Alias("publish-all"), AlwaysInterleave]
    Task<IReadOnlyList<FeedItem?>> PublishAll(IReadOnlyList<FeedEntry> entries);

    /// <summary>The newest items, newest first, at most <paramref name="count"/> (up to 500).</summary>
    [Alias("get-latest")]
    Task<IReadOnlyList<FeedItem>> GetLatest(int count);

    /// <summary>The items after the given sequence number, oldest first, at most <paramref name="max"/> (up to 500).</summary>
    [Alias("get-after")]
    Task<IReadOnlyList<FeedItem>> GetAfter(long afterSequence, int max);

    /// <summary>
    /// Subscribes (or renews) an observer for new items; it lapses unless renewed. Returns the last
    /// sequence number, so a renewing observer can fetch what it missed while the grain moved.
    /// </summary>
    [Alias("subscribe")]
    Task<long> Subscribe(IFeedObserver observer);

    [Alias("unsubscribe")]
    Task Unsubscribe(IFeedObserver observer);

    /// <summary>
    /// Asks every open initiative whose current step is past its day to check its deadline (mark
    /// it overdue, escalate it). The neighbourhood's reminder runs this every hour, also after a restart.
    /// </summary>
    [Alias("check-deadlines")]
    Task CheckDeadlines();

    /// <summary>Every initiative that ever published in this neighbourhood's feed.</summary>
    [Alias("get-initiative-ids")]
    Task<IReadOnlyList<Guid>> GetInitiativeIds();
}
