using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>An initiative on the Bestuur op Maat agenda, and why it is there.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.agenda-item")]
public sealed record AgendaItem(
    [property: Id(0)] Guid InitiativeId,
    [property: Id(1)] string Title,
    [property: Id(2)] string NeighbourhoodCode,
    [property: Id(3)] InitiativeStatus Step,
    [property: Id(4)] DateOnly ExpectedEnd,
    [property: Id(5)] int WorkingDaysOverdue,
    [property: Id(6)] string Reason,
    [property: Id(7)] DateTimeOffset AddedAt);
