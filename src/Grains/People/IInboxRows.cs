namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// Where the people's private notices are kept: one row per notice (table <c>hub_inbox</c>),
/// numbered per person by the store inside the hub tables' grouped transaction, so that the
/// notices of many changes to many people share one commit instead of a write per person. A
/// notice whose event the person has already is a repeat and gets no number.
/// </summary>
public interface IInboxRows
{
    /// <summary>
    /// Appends the entries of one person in order and returns, when they are stored, each one's item
    /// (null for a repeat). <paramref name="routes"/> says per entry how it reaches the person: a
    /// notice by letter also waits for the post (<see cref="Desk.IPostRoom"/>), one by phone becomes
    /// a call (<see cref="Desk.ICallQueue"/>), in the same transaction; each is counted per channel
    /// and month for the council. Notices delivered from an initiative's outbox can be delivered
    /// again after a crash, so the store need not wait for its disk for them (docs/write-path.md);
    /// <paramref name="durable"/> asks it to, for notices nothing else could bring back.
    /// </summary>
    Task<IReadOnlyList<PrivateItem?>> Append(string userId, IReadOnlyList<PrivateEntry> entries, IReadOnlyList<Notifications.NoticeRoute> routes, bool durable = false, CancellationToken cancellationToken = default);

    /// <summary>Notices stored per route in the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (see <see cref="Index.OverviewFigures.MonthOf"/>).</summary>
    Task<IReadOnlyDictionary<Notifications.NoticeRoute, int>> CountByRoute(int fromMonth, int toMonth, CancellationToken cancellationToken = default);

    /// <summary>The items after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PrivateItem>> Read(string userId, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>The newest items, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PrivateItem>> Latest(string userId, int max, CancellationToken cancellationToken = default);

    /// <summary>Stores items that already have their numbers (an inbox kept in grain state by an older version); a stored one is left as it is.</summary>
    Task Import(string userId, IReadOnlyList<PrivateItem> items, CancellationToken cancellationToken = default);

    /// <summary>Erases every notice of the person (their account was deleted).</summary>
    Task Forget(string userId, CancellationToken cancellationToken = default);
}
