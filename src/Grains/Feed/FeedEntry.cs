namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// Something to announce in a neighbourhood's feed, before it has a sequence number.
/// <see cref="EventId"/> is unique per event, so publishing the same entry twice appends it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.feed-entry")]
public sealed record FeedEntry(
    [property: Id(0)] string EventId,
    [property: Id(1)] FeedItemKind Kind,
    [property: Id(2)] Guid InitiativeId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset OccurredAt);
