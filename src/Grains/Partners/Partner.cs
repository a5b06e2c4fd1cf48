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
[GenerateSerializer, Immutable, Alias("haarlem.partner")]
public sealed record Partner(
    [property: Id(0)] string Name,
    [property: Id(1)] PartnerKind Kind,
    [property: Id(2)] string Role);
