using System.Security.Claims;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>
/// The one road for every change, from GraphQL and from the pages alike: who is asking, whether
/// the rules allow it on this initiative, the person's data index (for download and erasure),
/// then the change, and a line in the audit trail for what was done or refused.
/// </summary>
public sealed class InitiativeCommands(
    IGrainFactory grains,
    ClusterCalls calls,
    HubAuthorization authorization,
    IAuditLog auditLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
{
    private static readonly UserError NotFound = new("NOT_FOUND", "initiativeId", "There is no initiative with this id.");

    /// <summary>Follows (or stops following) a whole neighbourhood: its news comes in the person's digests.</summary>
    public async Task<IReadOnlyList<UserError>> FollowNeighbourhood(ClaimsPrincipal user, string code, bool follow, string action, CancellationToken cancellationToken)
    {
        if (await authorization.Check(user, HubAction.Follow) is { } refused)
        {
            return [refused];
        }

        code = code.Trim();
        if (code.Length > InitiativeRules.NeighbourhoodCodeMaxLength ||
            await calls.Run(() => grains.GetGrain<Grains.Neighbourhoods.INeighbourhoodGrain>(code).GetInfo(), cancellationToken) is null)
        {
            return [InitiativeRules.UnknownNeighbourhood(code)];
        }

        var actor = HubClaims.ToActor(user)!;
        await calls.Run(() => grains.GetGrain<IPersonGrain>(actor.UserId).FollowNeighbourhood(code, follow), cancellationToken);
        await Audit(actor, action, null, AuditOutcome.Done, cancellationToken);
        return [];
    }

    /// <summary>Starts an initiative for the signed-in resident.</summary>
    public async Task<SubmitResult> Submit(ClaimsPrincipal user, Guid id, SubmitInitiative submission, CancellationToken cancellationToken)
    {
        const string name = "submitInitiative";
        var actor = HubClaims.ToActor(user);
        if (await authorization.Check(user, HubAction.SubmitInitiative) is { } refused)
        {
            await Audit(actor, name, null, AuditOutcome.Denied, cancellationToken);
            return SubmitResult.Rejected([refused]);
        }

        await calls.Run(() => grains.GetGrain<IPersonGrain>(actor!.UserId).Remember(id), cancellationToken);
        var result = await calls.Run(() => grains.GetGrain<IInitiativeGrain>(id).Submit(submission, actor!), cancellationToken);
        if (result.Initiative is not null && !string.IsNullOrWhiteSpace(submission.ContactEmail))
        {
            // The address given for the contact official is where the initiator's notices go, unless they chose another.
            await calls.Run(() => grains.GetGrain<IPersonGrain>(actor!.UserId).UpdateProfile(submission.ContactEmail, actor!.Roles), cancellationToken);
        }
        if (result.Initiative is not null)
        {
            await Audit(actor, name, id, AuditOutcome.Done, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Runs a change on an initiative when the rules allow <paramref name="action"/>. The change
    /// gets the person and the initiative's access facts (for the name shown on the timeline).
    /// </summary>
    public async Task<InitiativeChangeResult> Change(
        ClaimsPrincipal user, string name, Guid initiativeId, HubAction action,
        Func<IInitiativeGrain, Actor, InitiativeAccess, Task<InitiativeChangeResult>> change,
        CancellationToken cancellationToken,
        bool remembersPerson = false)
    {
        var actor = HubClaims.ToActor(user);
        var grain = grains.GetGrain<IInitiativeGrain>(initiativeId);
        var access = await calls.Run(() => grain.GetAccess(), cancellationToken);
        if (access is null)
        {
            return new InitiativeChangeResult(null, [NotFound]);
        }

        if (await authorization.Check(user, action, access) is { } refused)
        {
            await Audit(actor, name, initiativeId, AuditOutcome.Denied, cancellationToken);
            return new InitiativeChangeResult(null, [refused]);
        }

        if (remembersPerson)
        {
            await calls.Run(() => grains.GetGrain<IPersonGrain>(actor!.UserId).Remember(initiativeId), cancellationToken);
        }

        var result = await change(grain, actor!, access);
        if (result.Errors.Count == 0)
        {
            await Audit(actor, name, initiativeId, AuditOutcome.Done, cancellationToken);
        }

        return result;
    }

    /// <summary>Appends a line to the audit trail (for actions outside an initiative, such as deleting an account).</summary>
    public Task Audit(Actor? actor, string action, Guid? initiativeId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry(now, actor?.UserId ?? "anonymous", actor?.Name ?? "anonymous", action, initiativeId, outcome);
        return auditLog.Append(entry, cancellationToken);
    }
}
