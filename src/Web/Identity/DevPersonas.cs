using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Web.Identity;

/// <summary>The people a developer can sign in as when <c>Auth:Mode</c> is Development.</summary>
public static class DevPersonas
{
    public sealed record Persona(string Key, string Label, Actor Actor);

    public static readonly IReadOnlyList<Persona> All =
    [
        new("resident", "Bewoner van een buurt die u kiest", new Actor("dev-resident", "Bas Bewoner", new HashSet<HubRole> { HubRole.Resident })),
        new("initiator", "Initiatiefnemer (een bewoner met een eigen plan)", new Actor("dev-initiator", "Ilse de Boer", new HashSet<HubRole> { HubRole.Resident })),
        new("official", "Ambtenaar (contactpersoon)", new Actor("dev-official", "Sanne de Vries", new HashSet<HubRole> { HubRole.Official })),
        new("coordinator", "Coördinator", new Actor("dev-coordinator", "Kees Jansen", new HashSet<HubRole> { HubRole.Official, HubRole.Coordinator })),
        new("council", "Raadslid", new Actor("dev-council", "Fatima el Amrani", new HashSet<HubRole> { HubRole.Council })),
        new("admin", "Beheerder", new Actor("dev-admin", "Ahmed Yilmaz", new HashSet<HubRole> { HubRole.Admin })),
        new("desk", "Baliemedewerker (balie en telefoon)", new Actor("dev-desk", "Bea Balie", new HashSet<HubRole> { HubRole.Desk })),
    ];

    public static Persona? Find(string? key) => All.FirstOrDefault(p => p.Key == key);
}
