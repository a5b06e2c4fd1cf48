namespace Haarlem.Initiatives.Grains.Partners;

public static class PartnerKindText
{
    public static string DutchLabel(this PartnerKind kind) => kind switch
    {
        PartnerKind.HousingCorporation => "woningcorporatie",
        PartnerKind.Foundation => "stichting",
        PartnerKind.School => "school",
        PartnerKind.Business => "bedrijf",
        PartnerKind.ResidentsGroup => "bewonersgroep",
        PartnerKind.MunicipalDepartment => "afdeling van de gemeente",
        PartnerKind.Other => "andere organisatie",
        _ => kind.ToString(),
    };
}
