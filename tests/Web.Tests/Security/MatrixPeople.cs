using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>Everyone the authorization matrix tries, in their relation to the initiative under test.</summary>
public static class MatrixPeople
{
    public const string Initiator = "initiator";
    public const string Official = "official";
    public const string Partner = "partner";

    public static readonly IReadOnlyDictionary<string, Actor?> All = new Dictionary<string, Actor?>
    {
        ["anonymous"] = null,
        ["resident"] = Person("matrix-resident", HubRole.Resident),
        [Initiator] = Person("matrix-initiator", HubRole.Resident),
        ["other-initiator"] = Person("matrix-other-initiator", HubRole.Resident),
        [Partner] = Person("matrix-partner", HubRole.Partner),
        [Official] = Person("matrix-official", HubRole.Official),
        ["other-official"] = Person("matrix-other-official", HubRole.Official),
        ["coordinator"] = Person("matrix-coordinator", HubRole.Official, HubRole.Coordinator),
        ["council"] = Person("matrix-council", HubRole.Council),
        ["admin"] = Person("matrix-admin", HubRole.Admin),
        ["desk"] = Person("matrix-desk", HubRole.Desk),
    };

    public static Actor Get(string key) => All[key]!;

    private static Actor Person(string id, params HubRole[] roles) => new(id, $"Test {id}", roles.ToHashSet());
}
