namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>A resident in the desk's directory: enough to find them and tell them apart.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.resident-listing")]
public sealed record ResidentListing(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Postcode,
    [property: Id(3)] string HouseNumber,
    [property: Id(4)] string Street);

/// <summary>Who a take-over code belongs to, until when it works, and whether it was used.</summary>
public sealed record TakeOverCodeFacts(string UserId, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

/// <summary>
/// The desk's directory of residents it registered (table <c>hub_residents</c>), searched by name
/// and by postcode with house number, and the one-time codes with which a resident takes their
/// record over after signing in with DigiD (table <c>hub_takeover_codes</c>, kept as hashes).
/// </summary>
public interface IResidentDirectory
{
    Task Store(ResidentListing listing, CancellationToken cancellationToken = default);

    /// <summary>Residents whose name contains <paramref name="name"/> (any case, any accents) and/or who live at the postcode (and house number); at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ResidentListing>> Find(string? name, string? postcode, string? houseNumber, int max, CancellationToken cancellationToken = default);

    /// <summary>Stores a new code (its hash) for the resident.</summary>
    Task StoreCode(string codeHash, string userId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    Task<TakeOverCodeFacts?> FindCode(string codeHash, CancellationToken cancellationToken = default);

    /// <summary>Marks the code used; false when it was used already (by another at the same moment, too).</summary>
    Task<bool> UseCode(string codeHash, string usedBy, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>How names are compared when the desk searches: lower case, without accents, one space between words.</summary>
public static class NameKey
{
    public static string Of(string name)
    {
        var decomposed = name.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return string.Join(' ', new string(kept.ToArray()).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
