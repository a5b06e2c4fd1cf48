namespace Haarlem.Initiatives.Grains.Partners;

/// <summary>What kind of organisation a partner is.</summary>
public enum PartnerKind
{
    HousingCorporation,
    Foundation,
    School,
    Business,
    ResidentsGroup,
    MunicipalDepartment,
    Other,
}

/// <summary>An organisation that takes part in an initiative, and its role in it.</summary>
/// <param name="Name">The organisation.</param>
/// <param name="Kind">What kind of organisation.</param>
/// <param name="Role">What it does in this initiative.</param>
/// <param name="ContactUserId">The user id of the organisation's named contact, who may read the private file; not public.</param>
[GenerateSerializer, Immutable, Alias("haarlem.partner")]
public sealed record Partner(
    [property: Id(0)] string Name,
    [property: Id(1)] PartnerKind Kind,
    [property: Id(2)] string Role,
    [property: Id(3)] string? ContactUserId = null);
