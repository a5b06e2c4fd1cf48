namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// Something to announce in a neighbourhood's feed, before it has a sequence number. Each
/// initiative numbers its events 1, 2, 3, ... (<see cref="EventNumber"/>) and publishes them in
/// that order, so the neighbourhood appends each event exactly once however often it is sent.
/// <see cref="StepExpectedEnd"/> tells the neighbourhood when the initiative's current step is
/// due (null once the initiative has ended), so it can watch the deadline.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.feed-entry")]
public sealed record FeedEntry(
    [property: Id(0)] Guid InitiativeId,
    [property: Id(1)] int EventNumber,
    [property: Id(2)] FeedItemKind Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] DateOnly? StepExpectedEnd = null)
{
    /// <summary>The event's unique id: the initiative and its event number.</summary>
    public string EventId => $"{InitiativeId:N}:{EventNumber}";
}
