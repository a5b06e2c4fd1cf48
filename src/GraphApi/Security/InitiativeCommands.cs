using System.Security.Claims;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>
/// The one road for every change, from GraphQL and from the pages alike: who is asking, whether
/// the rules allow it on this initiative, then the change. The change carries a stamp (who, which
/// command, whether it ties the person to the initiative): the initiative commits its audit line
/// and the person's data index entry in the same write as the change, so the caller waits for
/// that one write only. A refusal is written to the audit trail here.
/// </summary>
public sealed class InitiativeCommands(
    IGrainFactory grains,
    ClusterCalls calls,
    HubAuthorization authorization,
    IAuditLog auditLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
{
    private static readonly UserError NotFound = new("NOT_FOUND", "initiativeId", "There is no initiative with this id.");

    // The desk worker acting for the person the calls are made for, in this asynchronous flow.
    private static readonly AsyncLocal<Grains.Desk.Assistance?> Assisting = new();

    /// <summary>
    /// The calls made from here on in this asynchronous flow are a desk worker's for a resident (the
    /// principal passed is the resident's): the changes are stamped with the desk worker and the
    /// channel, so the change log, the audit trail and the official's view say so.
    /// </summary>
    public static IDisposable Assist(Grains.Desk.Assistance desk)
    {
        var previous = Assisting.Value;
        Assisting.Value = desk;
        return new Restore(() => Assisting.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private static ChangeStamp Stamp(Actor actor, string name, bool remembersPerson) =>
        new(actor.UserId, actor.Name, name, remembersPerson, Assisting.Value);

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

    /// <summary>Sets (or removes) the signed-in person's home area; returns it as stored, or what to fix.</summary>
    public async Task<Geo.SetHomeResult> SetHome(ClaimsPrincipal user, Grains.Geo.HomeArea? home, CancellationToken cancellationToken)
    {
        const string name = "setHome";
        var actor = HubClaims.ToActor(user);
        if (await authorization.Check(user, HubAction.ManageOwnData) is { } refused)
        {
            return new Geo.SetHomeResult(null, [refused]);
        }

        var person = grains.GetGrain<IPersonGrain>(actor!.UserId);
        var errors = await calls.Run(() => person.SetHome(home), cancellationToken);
        if (errors.Count > 0)
        {
            return new Geo.SetHomeResult(null, errors);
        }

        await Audit(actor, name, null, AuditOutcome.Done, cancellationToken);
        return new Geo.SetHomeResult(await calls.Run(() => person.GetHome(), cancellationToken), []);
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

        using (ChangeStamp.Apply(Stamp(actor!, name, remembersPerson: true)))
        {
            return await calls.Run(() => grains.GetGrain<IInitiativeGrain>(id).Submit(submission, actor!), cancellationToken);
        }
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

        using (ChangeStamp.Apply(Stamp(actor!, name, remembersPerson)))
        {
            return await change(grain, actor!, access);
        }
    }

    /// <summary>Appends a line to the audit trail (for actions outside an initiative, such as deleting an account).</summary>
    public Task Audit(Actor? actor, string action, Guid? initiativeId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = Assisting.Value is { } desk
            ? new AuditEntry(now, desk.UserId, desk.Name, action, initiativeId, outcome, null, actor?.UserId, desk.Channel)
            : new AuditEntry(now, actor?.UserId ?? "anonymous", actor?.Name ?? "anonymous", action, initiativeId, outcome);
        return auditLog.Append(entry, cancellationToken);
    }
}
