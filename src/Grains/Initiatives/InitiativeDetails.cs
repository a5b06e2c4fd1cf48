namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The public facts of one initiative.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-details")]
public sealed record InitiativeDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Summary,
    [property: Id(3)] Theme Theme,
    [property: Id(4)] InitiativeStatus Status,
    [property: Id(5)] string NeighbourhoodCode,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] string Plan = "",
    [property: Id(8)] string? Conditions = null,
    [property: Id(9)] Geo.GeoPoint? Location = null);
