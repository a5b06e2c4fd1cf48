namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>The one named official who knows the initiative's file, shown publicly with how to reach them.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.contact-official")]
public sealed record ContactOfficial(
    [property: Id(0)] string OfficialId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string Team,
    [property: Id(4)] string Email,
    [property: Id(5)] string? Phone);

/// <summary>A change of contact official, logged and announced.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.handover")]
public sealed record Handover(
    [property: Id(0)] string? FromName,
    [property: Id(1)] string ToName,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string SetBy,
    [property: Id(4)] DateTimeOffset At);

/// <summary>The initiative's contact official now, and every change of contact official.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-contact")]
public sealed record InitiativeContact(
    [property: Id(0)] ContactOfficial? Current,
    [property: Id(1)] IReadOnlyList<Handover> Handovers);
