namespace Haarlem.Initiatives.Grains.Delivery;

/// <summary>
/// Who makes a change and through which command: carried with the grain call in Orleans'
/// <see cref="RequestContext"/>, so that the initiative grain puts the audit line and the person's
/// data index entry in the outbox of the very write that commits the change (nothing is written
/// before or after it on the caller's path).
/// </summary>
/// <param name="UserId">The person (user id).</param>
/// <param name="UserName">Their name at the time, for the audit trail.</param>
/// <param name="Action">The command as the API names it, for example <c>changeStatus</c>.</param>
/// <param name="RemembersPerson">Whether the change ties the person to the initiative in their data index (for download and erasure).</param>
/// <param name="AssistedBy">
/// The desk worker who made the change for the person (at the counter or on the phone, with their
/// consent); null when the person made it themselves. The audit line names the desk worker, on
/// behalf of the person.
/// </param>
[GenerateSerializer, Immutable, Alias("haarlem.change-stamp")]
public sealed record ChangeStamp(
    [property: Id(0)] string UserId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string Action,
    [property: Id(3)] bool RemembersPerson,
    [property: Id(4)] Desk.Assistance? AssistedBy = null)
{
    /// <summary>How the person reached the municipality for this change.</summary>
    public Desk.ContactChannel Channel => AssistedBy?.Channel ?? Desk.ContactChannel.Web;

    /// <summary>The audit line of the change: the desk worker on behalf of the person when assisted.</summary>
    public Audit.AuditEntry AuditLine(DateTimeOffset at, Guid initiativeId, Audit.AuditOutcome outcome, string? changeKey) => AssistedBy is { } desk
        ? new Audit.AuditEntry(at, desk.UserId, desk.Name, Action, initiativeId, outcome, changeKey, UserId, desk.Channel)
        : new Audit.AuditEntry(at, UserId, UserName, Action, initiativeId, outcome, changeKey);

    private const string Key = "haarlem.change";

    /// <summary>Stamps the grain calls made from here on in this asynchronous flow.</summary>
    public static IDisposable Apply(ChangeStamp stamp)
    {
        var previous = RequestContext.Get(Key);
        RequestContext.Set(Key, stamp);
        return new Restore(previous);
    }

    /// <summary>The stamp of the call being handled, if the caller set one.</summary>
    public static ChangeStamp? Current => RequestContext.Get(Key) as ChangeStamp;

    private sealed class Restore(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(Key);
            }
            else
            {
                RequestContext.Set(Key, previous);
            }
        }
    }
}
