using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// An event meant for one person only, such as the answer to their own input: numbered in that
/// person's inbox (1, 2, ...), delivered live to their own connections and kept for catch-up.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.private-item")]
public sealed record PrivateItem(
    [property: Id(0)] long Sequence,
    [property: Id(1)] FeedItemKind Kind,
    [property: Id(2)] Guid InitiativeId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] string EventId,
    [property: Id(7)] Notifications.NoticeKind Notice = Notifications.NoticeKind.Answers)
{
    public string Link => $"/initiatieven/{InitiativeId}";
}

/// <summary>A private event waiting in an initiative's outbox for delivery to <see cref="UserId"/>.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.private-entry")]
public sealed record PrivateEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] FeedItemKind Kind,
    [property: Id(2)] Guid InitiativeId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] string EventId,
    [property: Id(7)] Notifications.NoticeKind Notice = Notifications.NoticeKind.Answers);

/// <summary>A node's relay, told of each new private item of the people it watches.</summary>
[Alias("haarlem.inbox-observer")]
public interface IInboxObserver : IGrainObserver
{
    [Alias("on-private-item"), OneWay]
    Task OnPrivateItem(string userId, PrivateItem item);
}
