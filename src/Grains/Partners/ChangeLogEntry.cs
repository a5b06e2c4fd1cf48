namespace Haarlem.Initiatives.Grains.Partners;

/// <summary>
/// One recorded change: what changed, from what to what, who, when and why, and (<see cref="Via"/>)
/// "via de balie" or "via de telefoon" when a desk worker made it for the person.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.change-log-entry")]
public sealed record ChangeLogEntry(
    [property: Id(0)] string What,
    [property: Id(1)] string? Before,
    [property: Id(2)] string? After,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? Via = null);

/// <summary>The partners, agreements and change log of an initiative: the one place for everything.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-file")]
public sealed record InitiativeFile(
    [property: Id(0)] IReadOnlyList<Partner> Partners,
    [property: Id(1)] IReadOnlyList<Agreement> Agreements,
    [property: Id(2)] IReadOnlyList<ChangeLogEntry> ChangeLog);
