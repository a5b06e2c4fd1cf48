using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The lifecycle: the timeline, status changes, extensions and deadlines.</summary>
public sealed partial class InitiativeGrain
{
    public Task<InitiativeTimeline?> GetTimeline()
    {
        if (state.State.Details is not { } details)
        {
            return Task.FromResult<InitiativeTimeline?>(null);
        }

        var passed = History(details);
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var started = WorkingDays.DayOf(passed[^1].ReachedAt);
        var extended = CurrentExtension(passed[^1])?.NewDate;
        var ahead = StatusTransitions.IsOpen(details.Status)
            ? norms.Plan(details.Status, details.Theme, started, today, state.State.Outcome, extended)
                .Select((step, index) => new PlannedStep(
                    step.Step, norms.WorkingDaysFor(step.Step, details.Theme)!.Value, step.ExpectedEnd, index == 0, index == 0 && extended is not null))
                .ToList()
            : [];
        var overdue = ahead.Count > 0 && ServiceNorms.IsOverdue(ahead[0].ExpectedEnd, today);
        return Task.FromResult<InitiativeTimeline?>(new InitiativeTimeline(passed, ahead, overdue, state.State.Extensions));
    }

    public Task<bool> IsOnAgenda() => Task.FromResult(state.State.Details is not null && state.State.Escalated);

    /// <summary>The newest extension of the current step, if it has one.</summary>
    private StepExtension? CurrentExtension(TimelineStep current) =>
        state.State.Extensions.LastOrDefault(e => e.Step == current.Status && e.At >= current.ReachedAt);

    public async Task<InitiativeChangeResult> ExtendStep(ExtendStepRequest request, string actor)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = new List<UserError>();
        var current = (await GetTimeline())!;
        if (!StatusTransitions.IsOpen(details.Status))
        {
            errors.Add(new UserError("NOT_ALLOWED", "initiativeId", $"The initiative has ended ({details.Status.DutchLabel()}); it has no step to extend."));
        }
        else if (request.NewDate <= current.Ahead[0].ExpectedEnd)
        {
            errors.Add(new UserError("TOO_EARLY", "newDate",
                $"The new date must be later than the current expected date, {current.Ahead[0].ExpectedEnd:yyyy-MM-dd}."));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "An extension needs a reason."));
        }
        else if (request.Reason.Trim().Length > StatusTransitions.ReasonMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {StatusTransitions.ReasonMaxLength} characters."));
        }

        var report = PlainLanguageChecker.Check(request.Reason ?? string.Empty);
        if (errors.Count == 0 && !report.IsPlain && !request.PublishAnyway)
        {
            errors.Add(new UserError("PLAIN_LANGUAGE", "reason",
                $"The text has {report.Hints.Count} plain-language hint(s); improve it, or publish it anyway."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors, report.IsPlain ? null : report);
        }

        RecordPublished(report);
        var now = time.GetUtcNow();
        var extension = new StepExtension(details.Status, current.Ahead[0].ExpectedEnd, request.NewDate, request.Reason!.Trim(), actor, now);
        state.State.Extensions.Add(extension);
        state.State.OverdueAnnounced = false;
        state.State.Escalated = false;
        Announce(new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.StepExtended, details.Title,
            $"De stap {details.Status.DutchLabel()} duurt langer: klaar rond {request.NewDate.ToString("d MMMM yyyy", DutchCulture)}. Reden: {extension.Reason}",
            now, request.NewDate));
        await Save();

        return new InitiativeChangeResult(details, []);
    }

    public async Task<InitiativeChangeResult> ChangeStatus(StatusChangeRequest request, string actor)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = StatusTransitions.Check(details.Status, state.State.Outcome, request).ToList();
        var report = PlainLanguageChecker.Check($"{request.Explanation} {request.Reason}".Trim());
        if (errors.Count == 0 && !report.IsPlain && !request.PublishAnyway)
        {
            errors.Add(new UserError("PLAIN_LANGUAGE", "explanation",
                $"The text has {report.Hints.Count} plain-language hint(s); improve it, or publish it anyway."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors, report.IsPlain ? null : report);
        }

        RecordPublished(report);
        var now = time.GetUtcNow();
        var step = new TimelineStep(request.Status, now, request.Explanation.Trim(), actor,
            request.Outcome, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim());
        if (state.State.History.Count == 0)
        {
            state.State.History.AddRange(History(details)); // stored before the history existed
        }

        state.State.History.Add(step);
        state.State.Outcome = request.Outcome ?? state.State.Outcome;
        state.State.Details = details with { Status = request.Status };
        state.State.OverdueAnnounced = false;
        state.State.Escalated = false;
        var due = StatusTransitions.IsOpen(request.Status) ? norms.ExpectedEnd(request.Status, details.Theme, WorkingDays.DayOf(now)) : null;
        Announce(new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.StatusChanged, details.Title,
            $"{request.Status.DutchLabel()}: {step.Explanation}", now, due));
        await Save();

        return new InitiativeChangeResult(state.State.Details, []);
    }

    public async Task CheckDeadline()
    {
        if (state.State.Details is not { } details || !StatusTransitions.IsOpen(details.Status))
        {
            return;
        }

        var current = (await GetTimeline())!.Ahead[0];
        var now = time.GetUtcNow();
        var today = WorkingDays.DayOf(now);
        var changed = CheckAgreements(details, today, now);
        var label = details.Status.DutchLabel();
        var dueText = current.ExpectedEnd.ToString("d MMMM yyyy", DutchCulture);
        if (ServiceNorms.IsOverdue(current.ExpectedEnd, today) && !state.State.OverdueAnnounced)
        {
            state.State.OverdueAnnounced = true;
            var overdueEntry = new FeedEntry(
                details.Id, ++state.State.EventCount, FeedItemKind.StepOverdue, details.Title,
                $"De stap {label} duurt langer dan afgesproken. Die zou klaar zijn op {dueText}.", now, current.ExpectedEnd);
            Announce(overdueEntry);
            if (state.State.Contact is null)
            {
                // Nobody picked it up in time: the coordinators hear of it.
                foreach (var coordinator in await Officials.Coordinators.Get(GrainFactory).List())
                {
                    Notify(coordinator, overdueEntry with { Text = $"Dit initiatief heeft nog geen contactpersoon. {overdueEntry.Text}" }, Notifications.NoticeKind.Work);
                }
            }

            changed = true;
        }

        if (ServiceNorms.IsOverdue(current.ExpectedEnd, today) && !state.State.Escalated && today > WorkingDays.Add(current.ExpectedEnd, norms.EscalationWorkingDays))
        {
            var overdue = WorkingDays.Between(current.ExpectedEnd, today);
            var reason = $"De stap {label} is {overdue} werkdagen over de termijn van {current.NormWorkingDays} werkdagen (klaar verwacht op {dueText}).";
            await PutOnAgenda(details, current.ExpectedEnd, overdue, reason, now);

            changed = true;
        }

        if (changed)
        {
            await Save();
        }
    }

    public async Task<InitiativeChangeResult> Escalate(string reason, string actor)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = new List<UserError>();
        if (!StatusTransitions.IsOpen(details.Status))
        {
            errors.Add(new UserError("NOT_ALLOWED", "initiativeId", $"The initiative has ended ({details.Status.DutchLabel()}); there is nothing to escalate."));
        }
        else if (state.State.Escalated)
        {
            errors.Add(new UserError("ALREADY_ESCALATED", "initiativeId", "The initiative is on the Bestuur op Maat agenda already."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "Say why the initiative needs the Bestuur op Maat agenda."));
        }
        else if (reason.Trim().Length > Input.InputRules.TextMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {Input.InputRules.TextMaxLength} characters."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        var now = time.GetUtcNow();
        var current = (await GetTimeline())!.Ahead[0];
        var overdue = WorkingDays.Between(current.ExpectedEnd, WorkingDays.DayOf(now));
        var text = $"{actor}: {reason.Trim()}";
        await PutOnAgenda(details, current.ExpectedEnd, overdue, text, now);
        state.State.ChangeLog.Add(new Partners.ChangeLogEntry("Bestuur op Maat", null, "op de agenda", actor, now, reason.Trim()));

        await Save();
        return new InitiativeChangeResult(details, []);
    }

    /// <summary>Puts the initiative on the Bestuur op Maat agenda (delivered from the outbox of the next write) and tells the coordinators.</summary>
    private async Task PutOnAgenda(InitiativeDetails details, DateOnly expectedEnd, int workingDaysOverdue, string reason, DateTimeOffset now)
    {
        state.State.AgendaItem = new AgendaItem(
            details.Id, details.Title, details.NeighbourhoodCode, details.Status, expectedEnd, workingDaysOverdue, reason, now);
        state.State.Escalated = true;
        foreach (var coordinator in await Officials.Coordinators.Get(GrainFactory).List())
        {
            Notify(coordinator, FeedItemKind.StepOverdue, $"Op de agenda van Bestuur op Maat: {reason}",
                now, $"{details.Id:N}:escalated:{state.State.EventCount}", Notifications.NoticeKind.Work);
        }
    }

    /// <summary>How many days before its due day an open agreement is recalled to those involved.</summary>
    public const int AgreementWarningDays = 2;

    /// <summary>Tells the initiator and the contact official of open agreements close to or past their day (once each).</summary>
    private bool CheckAgreements(InitiativeDetails details, DateOnly today, DateTimeOffset now)
    {
        var changed = false;
        foreach (var agreement in state.State.Agreements.Where(a => a.State == Partners.AgreementState.Open))
        {
            var due = agreement.Due.ToString("d MMMM yyyy", DutchCulture);
            string? text = null;
            string? tag = null;
            if (today > agreement.Due && state.State.AgreementsLate.Add(agreement.Number))
            {
                state.State.AgreementsWarned.Add(agreement.Number);
                (text, tag) = ($"De afspraak \"{agreement.Who} {agreement.What}\" moest klaar zijn op {due}. Is het gebeurd? Zet de afspraak dan op nagekomen, anders op niet nagekomen.", "late");
            }
            else if (today >= agreement.Due.AddDays(-AgreementWarningDays) && today <= agreement.Due && state.State.AgreementsWarned.Add(agreement.Number))
            {
                (text, tag) = ($"Over een paar dagen, op {due}, moet deze afspraak klaar zijn: {agreement.Who} {agreement.What}.", "due");
            }

            if (text is null)
            {
                continue;
            }

            var eventId = $"{details.Id:N}:agreement-{tag}:{agreement.Number}";
            if (state.State.Initiator is { } initiator)
            {
                Notify(initiator.UserId, FeedItemKind.FileChanged, text, now, eventId, Notifications.NoticeKind.OwnInitiative);
            }

            if (state.State.Contact is { } contact)
            {
                Notify(contact.OfficialId, FeedItemKind.FileChanged, text, now, eventId, Notifications.NoticeKind.Work);
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>The day after which the neighbourhood should call <see cref="CheckDeadline"/> for the agreements, if any.</summary>
    private DateOnly? NextAgreementCheck()
    {
        DateOnly? next = null;
        foreach (var agreement in state.State.Agreements.Where(a => a.State == Partners.AgreementState.Open))
        {
            DateOnly? day = !state.State.AgreementsWarned.Contains(agreement.Number) ? agreement.Due.AddDays(-AgreementWarningDays - 1)
                : !state.State.AgreementsLate.Contains(agreement.Number) ? agreement.Due
                : null;
            if (day is { } d && (next is null || d < next))
            {
                next = d;
            }
        }

        return next;
    }

    private static readonly System.Globalization.CultureInfo DutchCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The name on the timeline for the submission, until sign-in tells who it was.</summary>
    /// <summary>Counts a text published for residents, and whether it still had plain-language hints (a council figure).</summary>
    private void RecordPublished(PlainLanguage.PlainLanguageReport report)
    {
        state.State.TextsPublished++;
        state.State.PublishedTexts.Add(new Index.PublishedText(WorkingDays.DayOf(time.GetUtcNow()), !report.IsPlain));
        if (!report.IsPlain)
        {
            state.State.TextsPublishedWithHints++;
        }
    }

    public const string InitiatorLabel = Access.Actor.InitiatorName;

    private List<TimelineStep> History(InitiativeDetails details) =>
        state.State.History.Count > 0
            ? state.State.History
            : [new TimelineStep(InitiativeStatus.Submitted, details.SubmittedAt, SubmittedText, InitiatorLabel)];

    /// <summary>The status text residents read for a new initiative.</summary>
    public const string SubmittedText = "Het initiatief is ingediend. De gemeente kiest een contactpersoon en maakt een afspraak voor een eerste gesprek.";
}
