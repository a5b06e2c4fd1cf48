namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// Where the neighbourhood feeds are kept: one row per item (table <c>hub_feed_items</c>). The
/// store gives the numbers, inside the hub tables' grouped transaction, so that the items of many
/// changes in many neighbourhoods share one commit instead of a write per neighbourhood, and a
/// feed stays gapless: an entry gets the feed's next number unless its event is stored already
/// (same initiative, same or lower event number), in which case it is a repeat and gets none.
/// </summary>
public interface IFeedRows
{
    /// <summary>
    /// Appends the entries of one neighbourhood in order and returns, when they are stored, each
    /// one's item (null for a repeat).
    /// </summary>
    Task<IReadOnlyList<FeedItem?>> Append(string neighbourhood, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The items after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<FeedItem>> Read(string neighbourhood, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>The newest items, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<FeedItem>> Latest(string neighbourhood, int max, CancellationToken cancellationToken = default);

    /// <summary>Every initiative with an item in the neighbourhood's feed.</summary>
    Task<IReadOnlyList<Guid>> Initiatives(string neighbourhood, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores items that already have their numbers (a feed kept in grain state by an older
    /// version of the hub); an item stored already is left as it is.
    /// </summary>
    Task Import(IReadOnlyList<FeedItem> items, CancellationToken cancellationToken = default);
}
