namespace Haarlem.Initiatives.Grains.Access;

/// <summary>
/// The hub's authorization rules, written once: roles plus the person's relation to the
/// initiative. GraphQL, SignalR and the pages all ask these rules (through ASP.NET Core's
/// authorization service), never a copy of them. Reading public data needs no rule.
/// </summary>
public static class AccessRules
{
    /// <summary>Whether <paramref name="actor"/> (null: an anonymous visitor) may do <paramref name="action"/> on <paramref name="initiative"/>.</summary>
    public static bool Allows(Actor? actor, HubAction action, InitiativeAccess? initiative = null)
    {
        if (actor is null)
        {
            return false;
        }

        var isInitiator = initiative?.InitiatorId is { } initiatorId && initiatorId == actor.UserId;
        var isContactOfficial = actor.Has(HubRole.Official) && initiative?.ContactOfficialId is { } officialId && officialId == actor.UserId;
        var isPartnerContact = initiative is not null && initiative.PartnerContactIds.Contains(actor.UserId);
        var isCoordinator = actor.Has(HubRole.Coordinator);
        return action switch
        {
            HubAction.SubmitInitiative => actor.Has(HubRole.Resident),
            HubAction.EditInitiative => isInitiator || isContactOfficial || isCoordinator,
            HubAction.Follow => true,
            HubAction.ChangeStatus or HubAction.ExtendStep => isContactOfficial || isCoordinator,
            HubAction.Withdraw => isInitiator,
            HubAction.AssignContactOfficial => isCoordinator,
            HubAction.ManagePartners or HubAction.ManageAgreements or HubAction.AnswerInput => isInitiator || isContactOfficial || isCoordinator,
            HubAction.GiveInput => actor.Has(HubRole.Resident),
            HubAction.SendMessage => isInitiator || isContactOfficial || isCoordinator,
            // The grain checks the rest: the initiator, or a resident who gave input.
            HubAction.Rate => isInitiator || actor.Has(HubRole.Resident),
            HubAction.ReadPrivate => isInitiator || isContactOfficial || isPartnerContact || isCoordinator,
            HubAction.ReadOverview => isCoordinator || actor.Has(HubRole.Council) || actor.Has(HubRole.Admin),
            HubAction.ReadAuditTrail or HubAction.OperateCluster => actor.Has(HubRole.Admin),
            HubAction.ReadWorkQueue => isCoordinator,
            HubAction.ManageOwnData => true,
            HubAction.ActForResident or HubAction.SendLettersAndCalls => actor.Has(HubRole.Desk) || actor.Has(HubRole.Admin),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="actor"/> may read the work queue of official <paramref name="officialId"/>: their own, or any as a coordinator.</summary>
    public static bool AllowsWorkQueue(Actor? actor, string officialId) =>
        actor is not null && ((actor.Has(HubRole.Official) && actor.UserId == officialId) || Allows(actor, HubAction.ReadWorkQueue));

    /// <summary>The rule in words, for the error a refused person gets.</summary>
    public static string Describe(HubAction action) => action switch
    {
        HubAction.SubmitInitiative => "Only a signed-in resident can start an initiative.",
        HubAction.EditInitiative => "Only the initiator, the contact official or a coordinator can change the initiative.",
        HubAction.Follow => "Sign in to follow.",
        HubAction.ChangeStatus => "Only the initiative's contact official or a coordinator can set its status.",
        HubAction.Withdraw => "Only the initiator can withdraw the initiative.",
        HubAction.ExtendStep => "Only the initiative's contact official or a coordinator can extend a step.",
        HubAction.AssignContactOfficial => "Only a coordinator can assign a contact official.",
        HubAction.ManagePartners => "Only the initiator, the contact official or a coordinator can change the partners.",
        HubAction.ManageAgreements => "Only the initiator, the contact official or a coordinator can record and mark agreements.",
        HubAction.GiveInput => "Only a signed-in resident can give input.",
        HubAction.SendMessage => "Only the initiator, the contact official or a coordinator can send messages about this initiative.",
        HubAction.AnswerInput => "Only the initiator, the contact official or a coordinator can answer input.",
        HubAction.Rate => "Only the initiator and residents who gave input can rate the service.",
        HubAction.ReadPrivate => "Only the initiator, the partners' contacts, the contact official and coordinators can read this.",
        HubAction.ReadOverview => "Only coordinators, council members and admins can read overviews.",
        HubAction.ReadAuditTrail => "Only admins can read the audit trail.",
        HubAction.ReadWorkQueue => "Only the official themselves or a coordinator can read a work queue.",
        HubAction.OperateCluster => "Only admins can open the cluster dashboard.",
        HubAction.ActForResident => "Only desk staff (counter and phone) can find residents and act for them.",
        HubAction.SendLettersAndCalls => "Only desk staff can run the post and the phone calls.",
        _ => "You cannot do this.",
    };
}
