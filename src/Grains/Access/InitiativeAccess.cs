namespace Haarlem.Initiatives.Grains.Access;

/// <summary>Who stands in which relation to one initiative: what the resource rules need to know.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="InitiatorId">The user who started it; null once they deleted their account.</param>
/// <param name="ContactOfficialId">The assigned contact official, if any.</param>
/// <param name="PartnerContactIds">The users named as contact of a partner organisation.</param>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-access")]
public sealed record InitiativeAccess(
    [property: Id(0)] Guid InitiativeId,
    [property: Id(1)] string? InitiatorId,
    [property: Id(2)] string? ContactOfficialId,
    [property: Id(3)] IReadOnlyList<string> PartnerContactIds);
