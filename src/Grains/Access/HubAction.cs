namespace Haarlem.Initiatives.Grains.Access;

/// <summary>Everything a person can ask of the hub that is not open to everyone.</summary>
public enum HubAction
{
    SubmitInitiative,
    EditInitiative,
    Follow,
    ChangeStatus,
    Withdraw,
    ExtendStep,
    AssignContactOfficial,
    ManagePartners,
    ManageAgreements,
    GiveInput,
    SendMessage,
    AnswerInput,
    Rate,
    ReadPrivate,
    ReadOverview,
    ReadAuditTrail,
    ReadWorkQueue,
    ManageOwnData,
    OperateCluster,
    /// <summary>Find and register residents, record their consent and act for them (the desk).</summary>
    ActForResident,
    /// <summary>Run the post of letters and the queue of phone calls (the desk).</summary>
    SendLettersAndCalls,
}
