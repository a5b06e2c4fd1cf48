using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>An initiative in an official's work queue, with the day its current step is due.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.work-item")]
public sealed record WorkItem(
    [property: Id(0)] Guid InitiativeId,
    [property: Id(1)] string Title,
    [property: Id(2)] InitiativeStatus Step,
    [property: Id(3)] DateOnly? Due);
