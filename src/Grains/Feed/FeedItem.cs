namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// One public item in a neighbourhood's feed. Sequence numbers are 1, 2, 3, ... per neighbourhood,
/// without gaps, so a client that knows the last number it saw can ask for exactly what it missed.
/// </summary>
/// <param name="NeighbourhoodCode">The neighbourhood whose feed this is.</param>
/// <param name="Sequence">The item's place in that feed, starting at 1.</param>
/// <param name="Kind">What happened.</param>
/// <param name="InitiativeId">The initiative it is about.</param>
/// <param name="Title">The initiative's title.</param>
/// <param name="Text">A plain-language sentence for residents.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="EventId">The unique id of the event, used to append it once only.</param>
[GenerateSerializer, Immutable, Alias("haarlem.feed-item")]
public sealed record FeedItem(
    [property: Id(0)] string NeighbourhoodCode,
    [property: Id(1)] long Sequence,
    [property: Id(2)] FeedItemKind Kind,
    [property: Id(3)] Guid InitiativeId,
    [property: Id(4)] string Title,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset OccurredAt,
    [property: Id(7)] string EventId)
{
    /// <summary>The path of the page this item is about.</summary>
    public string Link => $"/initiatieven/{InitiativeId}";

    /// <summary>The event's number within its initiative (1, 2, ...): the part of <see cref="EventId"/> after the colon.</summary>
    public int EventNumber => int.TryParse(EventId.AsSpan(EventId.IndexOf(':') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
}
