using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>Partners, agreements and the change log.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> AddPartner(Partner partner, string actor, string? reason = null)
    {
        var errors = PartnerRules.Validate(partner).ToList();
        RequireReasonAfterDecision(errors, reason);
        if (errors.Count == 0 && state.State.Partners.Exists(p => string.Equals(p.Name, partner.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new UserError("DUPLICATE", "name", $"'{partner.Name.Trim()}' is a partner already."));
        }

        var added = partner with { Name = partner.Name.Trim(), Role = partner.Role.Trim() };
        return await ChangeFile(errors, actor, "Partner", null, $"{added.Name} ({added.Kind.DutchLabel()}): {added.Role}", reason,
            $"Nieuwe partner: {added.Name} ({added.Kind.DutchLabel()}), {added.Role}.", () => state.State.Partners.Add(added));
    }

    public async Task<InitiativeChangeResult> RemovePartner(string name, string actor, string? reason)
    {
        var partner = state.State.Partners.Find(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        List<UserError> errors = partner is null ? [new UserError("NOT_FOUND", "name", $"'{name}' is not a partner of this initiative.")] : [];
        RequireReasonAfterDecision(errors, reason);
        return await ChangeFile(errors, actor, "Partner", partner is null ? null : $"{partner.Name} ({partner.Kind.DutchLabel()}): {partner.Role}", null, reason,
            $"{partner?.Name} is geen partner meer.", () => state.State.Partners.Remove(partner!));
    }

    public async Task<InitiativeChangeResult> RecordAgreement(string who, string what, DateOnly due, string actor)
    {
        var errors = PartnerRules.Validate(who, what, due, WorkingDays.DayOf(time.GetUtcNow())).ToList();
        var agreement = new Agreement(state.State.Agreements.Count + 1, who?.Trim() ?? "", what?.Trim() ?? "", due, AgreementState.Open, actor, time.GetUtcNow());
        return await ChangeFile(errors, actor, "Afspraak", null, $"{agreement.Who}: {agreement.What} (vóór {due.ToString("d MMMM yyyy", DutchCulture)})", null,
            $"Nieuwe afspraak: {agreement.Who} {agreement.What} (vóór {due.ToString("d MMMM yyyy", DutchCulture)}).", () => state.State.Agreements.Add(agreement));
    }

    public async Task<InitiativeChangeResult> MarkAgreement(int number, bool kept, string actor)
    {
        var index = state.State.Agreements.FindIndex(a => a.Number == number);
        List<UserError> errors = index < 0 ? [new UserError("NOT_FOUND", "number", $"There is no agreement {number}.")] : [];
        var agreement = index < 0 ? null : state.State.Agreements[index];
        var marked = kept ? AgreementState.Kept : AgreementState.Missed;
        return await ChangeFile(errors, actor, $"Afspraak {number}", agreement?.State.DutchLabel(), marked.DutchLabel(), null,
            kept ? $"Afspraak nagekomen: {agreement?.Who} {agreement?.What}." : $"Afspraak niet nagekomen: {agreement?.Who} {agreement?.What}.",
            () => state.State.Agreements[index] = agreement! with { State = marked });
    }

    /// <summary>After the decision, a change to the partners or the contact official needs a reason.</summary>
    private void RequireReasonAfterDecision(List<UserError> errors, string? reason)
    {
        if (state.State.Details is not null && DecisionTaken() && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "A reason is required for changes after the decision."));
        }
    }

    public Task<InitiativeFile?> GetFile() => Task.FromResult(
        state.State.Details is null ? null : new InitiativeFile(state.State.Partners, state.State.Agreements, state.State.ChangeLog));

    /// <summary>
    /// One change to the file: checked, applied, recorded in the change log, announced in the
    /// feed and stored in one write, or refused with the errors and nothing changed.
    /// </summary>
    private async Task<InitiativeChangeResult> ChangeFile(
        List<UserError> errors, string actor, string what, string? before, string? after, string? reason, string announcement, Action apply)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        var now = time.GetUtcNow();
        apply();
        state.State.ChangeLog.Add(new ChangeLogEntry(what, before, after, actor, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), Via));
        Announce(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.FileChanged, details.Title, announcement, now, await CurrentDue()));
        await Save();
        return new InitiativeChangeResult(details, []);
    }
}
