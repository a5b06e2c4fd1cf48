using System.Text.RegularExpressions;
using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>A Dutch postal address: street, house number (with letter or addition), postcode and town.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.postal-address")]
public sealed partial record PostalAddress(
    [property: Id(0)] string Street,
    [property: Id(1)] string HouseNumber,
    [property: Id(2)] string Postcode,
    [property: Id(3)] string Town)
{
    public const int MaxStreetLength = 80;
    public const int MaxTownLength = 60;

    /// <summary>The lines of the address block of a letter.</summary>
    public IReadOnlyList<string> Lines => [$"{Street} {HouseNumber}", $"{Postcode}  {Town.ToUpperInvariant()}"];

    /// <summary>A postcode as written on letters: four digits (not starting with 0), a space, two capital letters.</summary>
    public static string? NormalisePostcode(string? postcode)
    {
        var match = PostcodePattern().Match(postcode?.Trim() ?? "");
        return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value.ToUpperInvariant()}" : null;
    }

    /// <summary>A house number: 1 to 5 digits, then an optional letter or addition (“12”, “12a”, “12-3”, “12 bis”).</summary>
    public static string? NormaliseHouseNumber(string? number)
    {
        var text = (number ?? "").Trim();
        return HouseNumberPattern().IsMatch(text) ? text : null;
    }

    public static IReadOnlyList<UserError> Validate(string? street, string? houseNumber, string? postcode, string? town)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(street))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "street", "Give the street."));
        }
        else if (street.Trim().Length > MaxStreetLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "street", $"The street can be at most {MaxStreetLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(houseNumber))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "houseNumber", "Give the house number."));
        }
        else if (NormaliseHouseNumber(houseNumber) is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "houseNumber", "The house number must be 1 to 5 digits, with a letter or addition if there is one, for example 12 or 12a."));
        }

        if (string.IsNullOrWhiteSpace(postcode))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "postcode", "Give the postcode."));
        }
        else if (NormalisePostcode(postcode) is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "postcode", "The postcode must be four digits and two letters, for example 2011 AB."));
        }

        if (string.IsNullOrWhiteSpace(town))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "town", "Give the town."));
        }
        else if (town.Trim().Length > MaxTownLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "town", $"The town can be at most {MaxTownLength} characters."));
        }

        return errors;
    }

    public static PostalAddress Normalised(string street, string houseNumber, string postcode, string town) =>
        new(street.Trim(), NormaliseHouseNumber(houseNumber)!, NormalisePostcode(postcode)!, town.Trim());

    [GeneratedRegex(@"^([1-9][0-9]{3})\s?([a-zA-Z]{2})$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[0-9]{1,5}(\s?[a-zA-Z]{1,4}|-[0-9a-zA-Z]{1,4})?$")]
    private static partial Regex HouseNumberPattern();
}

/// <summary>
/// A resident as the desk registered them (no DigiD needed): name, postal address and how to reach
/// them. Private: only the resident themselves and desk staff see it.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.resident-profile")]
public sealed partial record ResidentProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] PostalAddress Address,
    [property: Id(2)] string? Phone,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] string RegisteredBy)
{
    public const int MaxNameLength = 100;

    /// <summary>A phone number: 10 digits starting with 0 (06 12345678, 023 5111111) or +31 and 9 digits; spaces and dashes allowed.</summary>
    public static string? NormalisePhone(string? phone)
    {
        var digits = (phone ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return PhonePattern().IsMatch(digits) ? digits : null;
    }

    public static UserError InvalidPhone => new(UserErrorCodes.Invalid, "phone", "The phone number must be 10 digits starting with 0, or +31 and 9 digits, for example 06 12345678.");

    /// <summary>The error for a missing or too long name (<paramref name="required"/> says what the name is for), or null.</summary>
    public static UserError? CheckName(string? name, string required) =>
        string.IsNullOrWhiteSpace(name) ? new UserError(UserErrorCodes.Required, "name", required)
        : name.Trim().Length > MaxNameLength ? new UserError(UserErrorCodes.TooLong, "name", $"The name can be at most {MaxNameLength} characters.")
        : null;

    /// <summary>An optional phone number as stored (null when none was given), or the error when one was given wrongly.</summary>
    public static (string? Phone, UserError? Error) CheckPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? (null, null)
        : NormalisePhone(phone) is { } normal ? (normal, null)
        : (null, InvalidPhone);

    [GeneratedRegex(@"^(0[1-9][0-9]{8}|\+31[1-9][0-9]{8})$")]
    private static partial Regex PhonePattern();
}

/// <summary>The resident's consent for the desk to act for them: when, recorded by whom, how they gave it.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.resident-consent")]
public sealed record ResidentConsent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string RecordedBy,
    [property: Id(2)] ContactChannel Channel);

/// <summary>What the desk registers of a resident who has no DigiD (or does not use it).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.resident-registration")]
public sealed record ResidentRegistration(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Street,
    [property: Id(2)] string? HouseNumber,
    [property: Id(3)] string? Postcode,
    [property: Id(4)] string? Town,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? Email,
    [property: Id(7)] string Language,
    [property: Id(8)] bool Consent);

/// <summary>A desk-registered resident as the desk sees them.</summary>
/// <param name="UserId">Their user id (<c>balie-…</c>).</param>
/// <param name="Profile">Name, address, phone.</param>
/// <param name="Email">Where emails go, if any.</param>
/// <param name="Language">The language of their emails and letters.</param>
/// <param name="Consent">Their consent for the desk to act for them; null while not recorded.</param>
/// <param name="TakeOverCode">The one-time code printed in their letters to take the record over with DigiD; null once used.</param>
/// <param name="TakeOverExpires">Until when the code works.</param>
/// <param name="TakenOver">When they took the record over with DigiD, if they did.</param>
[GenerateSerializer, Immutable, Alias("haarlem.resident-record")]
public sealed record ResidentRecord(
    [property: Id(0)] string UserId,
    [property: Id(1)] ResidentProfile Profile,
    [property: Id(2)] string? Email,
    [property: Id(3)] string Language,
    [property: Id(4)] ResidentConsent? Consent,
    [property: Id(5)] string? TakeOverCode,
    [property: Id(6)] DateTimeOffset? TakeOverExpires,
    [property: Id(7)] DateTimeOffset? TakenOver);
