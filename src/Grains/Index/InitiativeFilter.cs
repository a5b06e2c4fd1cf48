using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// Which initiatives a list holds; null means any. The neighbourhood or district picks the index
/// grains. <see cref="TitleContains"/> matches part of the title, ignoring case and accents
/// ("cafe" finds "Café"), as people type it into a search box.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-filter")]
public sealed record InitiativeFilter(
    [property: Id(0)] Theme? Theme = null,
    [property: Id(1)] InitiativeStatus? Status = null,
    [property: Id(2)] bool? Overdue = null,
    [property: Id(3)] bool? HasContactOfficial = null,
    [property: Id(4)] string? TitleContains = null,
    [property: Id(5)] Geo.NearFilter? Near = null)
{
    /// <summary>The longest text a title search takes.</summary>
    public const int TitleSearchMaxLength = 100;

    private static readonly System.Globalization.CompareInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL").CompareInfo;

    public bool Matches(InitiativeSummary summary, DateOnly today) =>
        (Theme is null || summary.Theme == Theme) &&
        (Status is null || summary.Status == Status) &&
        (Overdue is null || summary.IsOverdue(today) == Overdue) &&
        (HasContactOfficial is null || (summary.ContactOfficialId is not null) == HasContactOfficial) &&
        (Near is null || (summary.Location is { } place && Geo.MunicipalityMap.DistanceMetres(Near.Point, place) <= Near.RadiusMetres)) &&
        (string.IsNullOrEmpty(TitleContains) ||
         Dutch.IndexOf(summary.Title, TitleContains, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) >= 0);
}

/// <summary>A place in a list ordered newest first: the submission moment, then the id.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-list-key")]
public sealed record InitiativeListKey(
    [property: Id(0)] DateTimeOffset SubmittedAt,
    [property: Id(1)] Guid Id) : IComparable<InitiativeListKey>
{
    /// <summary>Newest first; equal moments by id, so the order is total and pages never overlap.</summary>
    public int CompareTo(InitiativeListKey? other) =>
        other is null ? -1
        : SubmittedAt != other.SubmittedAt ? other.SubmittedAt.CompareTo(SubmittedAt)
        : Id.CompareTo(other.Id);
}

/// <summary>One index grain's part of a list: the first items after the cursor, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-list-part")]
public sealed record InitiativeListPart(
    [property: Id(0)] IReadOnlyList<InitiativeListKey> Items,
    [property: Id(1)] int TotalCount);

/// <summary>A place in a list ordered by distance: the metres from the filter's point, then the id.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-near-key")]
public sealed record InitiativeNearKey(
    [property: Id(0)] double DistanceMetres,
    [property: Id(1)] Guid Id) : IComparable<InitiativeNearKey>
{
    /// <summary>Nearest first; equal distances by id, so the order is total and pages never overlap.</summary>
    public int CompareTo(InitiativeNearKey? other) =>
        other is null ? -1
        : DistanceMetres != other.DistanceMetres ? DistanceMetres.CompareTo(other.DistanceMetres)
        : Id.CompareTo(other.Id);
}

/// <summary>One index grain's part of a list by distance: the nearest items after the cursor, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-near-part")]
public sealed record InitiativeNearPart(
    [property: Id(0)] IReadOnlyList<InitiativeNearKey> Items,
    [property: Id(1)] int TotalCount);
