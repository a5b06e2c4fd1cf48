namespace Haarlem.Initiatives.Grains.Access;

/// <summary>A signed-in person as the rules see them.</summary>
/// <param name="UserId">The stable id from the sign-in (the subject).</param>
/// <param name="Name">The name to show.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="NeighbourhoodCode">Their own neighbourhood, when known.</param>
[GenerateSerializer, Immutable, Alias("haarlem.actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlySet<HubRole> Roles,
    [property: Id(3)] string? NeighbourhoodCode = null)
{
    public bool Has(HubRole role) => Roles.Contains(role);

    /// <summary>
    /// The name shown on the public timeline for something this person did: officials by name,
    /// the initiator as "Initiatiefnemer" (an initiator's name is not public).
    /// </summary>
    public string PublicName(InitiativeAccess initiative) =>
        initiative.InitiatorId == UserId ? InitiatorName : Name;

    public const string InitiatorName = "Initiatiefnemer";
}
