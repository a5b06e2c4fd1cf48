using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The contact official and the work queue.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> AssignContactOfficial(ContactOfficial official, string actor, string? reason)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = ContactOfficialRules.Validate(official).ToList();
        if (state.State.Contact is not null && !string.Equals(state.State.Contact.OfficialId, official.OfficialId, StringComparison.Ordinal))
        {
            RequireReasonAfterDecision(errors, reason);
        }

        if (reason is { } why && why.Trim().Length > StatusTransitions.ReasonMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {StatusTransitions.ReasonMaxLength} characters."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        var assigned = official with
        {
            OfficialId = official.OfficialId.Trim(), Name = official.Name.Trim(), Role = official.Role.Trim(),
            Team = official.Team.Trim(), Email = official.Email.Trim(), Phone = official.Phone?.Trim(),
        };
        var previous = state.State.Contact;
        if (previous == assigned)
        {
            return new InitiativeChangeResult(details, []);
        }

        var now = time.GetUtcNow();
        var due = await CurrentDue();
        state.State.Contact = assigned;
        state.State.Handovers.Add(new Handover(previous?.Name, assigned.Name, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor, now));
        state.State.ChangeLog.Add(new Partners.ChangeLogEntry(
            "Contactpersoon", previous is null ? null : $"{previous.Name} ({previous.Role}, {previous.Team})",
            $"{assigned.Name} ({assigned.Role}, {assigned.Team})", actor, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        var announced = new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.ContactOfficialChanged, details.Title,
            $"De contactpersoon is nu {assigned.Name} ({assigned.Role}, {assigned.Team}).", now, due);
        Announce(announced);
        Notify(assigned.OfficialId, announced, Notifications.NoticeKind.Work);
        if (previous is not null && previous.OfficialId != assigned.OfficialId)
        {
            // The official handed over from no longer has it in their queue.
            Stage(state.State.WorkQueueOutbox, previous.OfficialId);
        }

        await Save();

        return new InitiativeChangeResult(details, []);
    }

    public Task<InitiativeContact?> GetContact() => Task.FromResult(
        state.State.Details is null ? null : new InitiativeContact(state.State.Contact, state.State.Handovers));

    /// <summary>The day the current step is due, or null when the initiative has ended.</summary>
    private async Task<DateOnly?> CurrentDue() =>
        (await GetTimeline())?.Ahead is { Count: > 0 } ahead ? ahead[0].ExpectedEnd : null;

    private static WorkItem InputWork(InitiativeDetails details, Input.ResidentInput input) =>
        new(details.Id, details.Title, details.Status, input.AnswerDue, input.Number);
}
