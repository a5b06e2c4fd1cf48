namespace Haarlem.Initiatives.Grains.Audit;

/// <summary>What became of an attempt to change something.</summary>
public enum AuditOutcome
{
    /// <summary>The change was stored.</summary>
    Done,
    /// <summary>The rules refused the person.</summary>
    Denied,
}

/// <summary>One line of the audit trail: who did what, when, on which initiative.</summary>
/// <param name="At">When.</param>
/// <param name="UserId">Who (the user id); "anonymous" for a visitor who was not signed in.</param>
/// <param name="UserName">Their name at the time.</param>
/// <param name="Action">The mutation, as the API names it, for example <c>changeStatus</c>.</param>
/// <param name="InitiativeId">The initiative, if the action concerned one.</param>
/// <param name="Outcome">Done or denied.</param>
/// <param name="ChangeKey">For a stored change: the initiative and the revision that committed it; the trail keeps one line per key, however often it is delivered.</param>
/// <param name="OnBehalfOf">When a desk worker (the user) acted for a resident: that resident's user id.</param>
/// <param name="Channel">How the resident reached the municipality: the web, the counter or the phone.</param>
[GenerateSerializer, Immutable, Alias("haarlem.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string UserId,
    [property: Id(2)] string UserName,
    [property: Id(3)] string Action,
    [property: Id(4)] Guid? InitiativeId,
    [property: Id(5)] AuditOutcome Outcome,
    [property: Id(6)] string? ChangeKey = null,
    [property: Id(7)] string? OnBehalfOf = null,
    [property: Id(8)] Desk.ContactChannel Channel = Desk.ContactChannel.Web);
