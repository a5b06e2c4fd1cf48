namespace Haarlem.Initiatives.Grains.Access;

/// <summary>
/// What a person may do in general. Whether they may act on one initiative also depends on the
/// initiative (<see cref="InitiativeAccess"/>): its initiator, its contact official, its partners.
/// </summary>
public enum HubRole
{
    /// <summary>A signed-in resident: starts initiatives, gives input, follows.</summary>
    Resident,
    /// <summary>A named contact at a partner organisation.</summary>
    Partner,
    /// <summary>A municipal official, who can be an initiative's contact official.</summary>
    Official,
    /// <summary>Assigns contact officials; acts on every initiative.</summary>
    Coordinator,
    /// <summary>A council member: reads overviews and the escalation agenda.</summary>
    Council,
    /// <summary>Runs the hub: reads overviews, the audit trail and the cluster dashboard.</summary>
    Admin,
    /// <summary>
    /// Customer contact centre and counter staff: find or register residents, and, with their
    /// consent, act for them; run the daily post of letters and the phone calls.
    /// </summary>
    Desk,
}
