using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Grains.PlainLanguage;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Grains.Initiatives;

public sealed partial class InitiativeGrain(
    [PersistentState("initiative", GrainStorage.Name)] IPersistentState<InitiativeState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ServiceNorms norms,
    ILogger<InitiativeGrain> logger)
    : Grain, IInitiativeGrain
{
    /// <summary>How often a change whose feed item the neighbourhood did not take is offered again.</summary>
    public static readonly TimeSpan PublishRetryInterval = TimeSpan.FromSeconds(2);

    private static readonly InitiativeChangeResult NotFound =
        new(null, [new UserError("NOT_FOUND", "initiativeId", "There is no initiative with this id.")]);

    private IGrainTimer? _publishRetry;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Outbox.Count > 0)
        {
            await TryFlushOutbox();
        }
    }

    public async Task<SubmitResult> Submit(SubmitInitiative submission)
    {
        if (state.State.Details is { } existing)
        {
            // A client that retries after a lost answer gets the same initiative back, once.
            return IsSameSubmission(existing, submission)
                ? SubmitResult.Accepted(existing)
                : SubmitResult.Rejected([new UserError(UserErrorCodes.AlreadySubmitted, "initiativeId", "This initiative was submitted already.")]);
        }

        var errors = InitiativeRules.Validate(submission).ToList();
        if (!errors.Exists(e => e.Field == "neighbourhoodCode"))
        {
            // Report every problem at once, the unknown neighbourhood included.
            var code = submission.NeighbourhoodCode.Trim();
            if (await GrainFactory.GetGrain<INeighbourhoodGrain>(code).GetInfo() is null)
            {
                errors.Add(InitiativeRules.UnknownNeighbourhood(code));
            }
        }

        if (errors.Count > 0)
        {
            return SubmitResult.Rejected(errors);
        }

        var normalised = InitiativeRules.Normalise(submission);
        var id = this.GetPrimaryKey();
        var details = new InitiativeDetails(
            id, normalised.Title, normalised.Summary, normalised.Theme, InitiativeStatus.Submitted,
            normalised.NeighbourhoodCode, time.GetUtcNow());
        state.State.Details = details;
        state.State.History.Add(new TimelineStep(InitiativeStatus.Submitted, details.SubmittedAt, SubmittedText, Initiator));
        state.State.Outbox.Add(new FeedEntry(
            id, ++state.State.EventCount, FeedItemKind.InitiativeSubmitted, details.Title,
            "Er is een nieuw initiatief ingediend in uw buurt.", details.SubmittedAt,
            norms.ExpectedEnd(InitiativeStatus.Submitted, details.Theme, WorkingDays.DayOf(details.SubmittedAt))));
        await state.WriteStateAsync();
        await TryFlushOutbox();
        return SubmitResult.Accepted(details);
    }

    private static bool IsSameSubmission(InitiativeDetails existing, SubmitInitiative submission)
    {
        var normalised = InitiativeRules.Normalise(submission);
        return (existing.Title, existing.Summary, existing.NeighbourhoodCode, existing.Theme) ==
               (normalised.Title, normalised.Summary, normalised.NeighbourhoodCode, normalised.Theme);
    }

    public Task<InitiativeDetails?> GetDetails() => Task.FromResult(state.State.Details);

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

        var now = time.GetUtcNow();
        var extension = new StepExtension(details.Status, current.Ahead[0].ExpectedEnd, request.NewDate, request.Reason!.Trim(), actor, now);
        state.State.Extensions.Add(extension);
        state.State.OverdueAnnounced = false;
        var wasEscalated = state.State.Escalated;
        state.State.Escalated = false;
        state.State.Outbox.Add(new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.StepExtended, details.Title,
            $"De stap {details.Status.DutchLabel()} duurt langer: klaar rond {request.NewDate.ToString("d MMMM yyyy", DutchCulture)}. Reden: {extension.Reason}",
            now, request.NewDate));
        await state.WriteStateAsync();
        if (wasEscalated)
        {
            await EscalationAgenda.Get(GrainFactory).Remove(details.Id);
        }

        await UpdateWorkQueue();
        await TryFlushOutbox();
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
        var wasEscalated = state.State.Escalated;
        state.State.Escalated = false;
        var due = StatusTransitions.IsOpen(request.Status) ? norms.ExpectedEnd(request.Status, details.Theme, WorkingDays.DayOf(now)) : null;
        state.State.Outbox.Add(new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.StatusChanged, details.Title,
            $"{request.Status.DutchLabel()}: {step.Explanation}", now, due));
        await state.WriteStateAsync();
        if (wasEscalated)
        {
            // The step moved on: it no longer needs the board's attention.
            await EscalationAgenda.Get(GrainFactory).Remove(details.Id);
        }

        await UpdateWorkQueue();
        await TryFlushOutbox();
        return new InitiativeChangeResult(state.State.Details, []);
    }

    public async Task<InitiativeChangeResult> AssignContactOfficial(ContactOfficial official, string actor, string? reason)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = ContactOfficialRules.Validate(official).ToList();
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
        state.State.Outbox.Add(new FeedEntry(
            details.Id, ++state.State.EventCount, FeedItemKind.ContactOfficialChanged, details.Title,
            $"De contactpersoon is nu {assigned.Name} ({assigned.Role}, {assigned.Team}).", now, due));
        await state.WriteStateAsync();
        if (previous is not null && previous.OfficialId != assigned.OfficialId)
        {
            await GrainFactory.GetGrain<IOfficialGrain>(previous.OfficialId).Untrack(details.Id);
        }

        await UpdateWorkQueue();
        await TryFlushOutbox();
        return new InitiativeChangeResult(details, []);
    }

    public async Task<InitiativeChangeResult> AddPartner(Partner partner, string actor)
    {
        var errors = PartnerRules.Validate(partner).ToList();
        if (errors.Count == 0 && state.State.Partners.Exists(p => string.Equals(p.Name, partner.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new UserError("DUPLICATE", "name", $"'{partner.Name.Trim()}' is a partner already."));
        }

        var added = partner with { Name = partner.Name.Trim(), Role = partner.Role.Trim() };
        return await ChangeFile(errors, actor, "Partner", null, $"{added.Name} ({added.Kind.DutchLabel()}): {added.Role}", null,
            $"Nieuwe partner: {added.Name} ({added.Kind.DutchLabel()}), {added.Role}.", () => state.State.Partners.Add(added));
    }

    public async Task<InitiativeChangeResult> RemovePartner(string name, string actor, string? reason)
    {
        var partner = state.State.Partners.Find(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        List<UserError> errors = partner is null ? [new UserError("NOT_FOUND", "name", $"'{name}' is not a partner of this initiative.")] : [];
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

    public async Task<InitiativeChangeResult> GiveInput(string residentId, InputKind kind, string? text)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = InputRules.ValidateInput(residentId, kind, text);
        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        if (kind == InputKind.Support)
        {
            // Support counts once per resident; giving it again changes nothing.
            if (state.State.Supporters.Add(residentId))
            {
                await state.WriteStateAsync();
            }

            return new InitiativeChangeResult(details, []);
        }

        var now = time.GetUtcNow();
        state.State.Input.Add(new ResidentInput(
            state.State.Input.Count + 1, kind, text!.Trim(), now,
            WorkingDays.Add(WorkingDays.DayOf(now), InputRules.AnswerNormWorkingDays), residentId, null));
        await state.WriteStateAsync();
        return new InitiativeChangeResult(details, []);
    }

    public async Task<InitiativeChangeResult> AnswerInput(int number, string text, InputOutcome outcome, string? reason, string actor, bool publishAnyway)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var index = state.State.Input.FindIndex(i => i.Number == number);
        var errors = index < 0
            ? [new UserError("NOT_FOUND", "number", $"There is no input {number}.")]
            : InputRules.ValidateAnswer(text, outcome, reason).ToList();
        if (index >= 0 && state.State.Input[index].Answer is not null)
        {
            errors.Add(new UserError("ALREADY_ANSWERED", "number", $"Input {number} has been answered already."));
        }

        var report = PlainLanguageChecker.Check($"{text} {reason}".Trim());
        if (errors.Count == 0 && !report.IsPlain && !publishAnyway)
        {
            errors.Add(new UserError("PLAIN_LANGUAGE", "text", $"The text has {report.Hints.Count} plain-language hint(s); improve it, or publish it anyway."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors, report.IsPlain ? null : report);
        }

        var now = time.GetUtcNow();
        var input = state.State.Input[index];
        var answer = new InputAnswer(text.Trim(), outcome, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor, now,
            WorkingDays.Between(WorkingDays.DayOf(input.GivenAt), WorkingDays.DayOf(now)));
        state.State.Input[index] = input with { Answer = answer };
        state.State.Outbox.Add(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.InputAnswered, details.Title,
            $"Een bewoner vroeg: \"{Shorten(input.Text)}\" Antwoord: {answer.Text}", now, await CurrentDue()));
        await state.WriteStateAsync();
        await TryFlushOutbox();
        return new InitiativeChangeResult(details, []);
    }

    public Task<InitiativeInput?> GetInput() => Task.FromResult(
        state.State.Details is null ? null : new InitiativeInput(state.State.Supporters.Count, state.State.Input));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    public async Task<InitiativeChangeResult> Rate(string raterId, bool isInitiator, Milestone milestone, int mark, KanoScores kano, string? comment)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = RatingRules.Validate(mark, kano, comment).ToList();
        if (!RatingRules.Reached(milestone, History(details).Select(s => s.Status).ToList()))
        {
            errors.Add(new UserError("NOT_REACHED", "milestone", $"The initiative has not reached the milestone {milestone} yet."));
        }

        if (!isInitiator && !state.State.Input.Exists(i => i.ResidentId == raterId))
        {
            errors.Add(new UserError("NOT_ALLOWED", "raterId", "Only the initiator and residents who gave input can rate the service."));
        }

        if (state.State.Ratings.Exists(r => r.RaterId == raterId && r.Milestone == milestone))
        {
            errors.Add(new UserError("ALREADY_RATED", "milestone", $"You rated the milestone {milestone} already."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        state.State.Ratings.Add(new ServiceRating(milestone, mark, kano, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), isInitiator, time.GetUtcNow(), raterId));
        await state.WriteStateAsync();
        return new InitiativeChangeResult(details, []);
    }

    public Task<IReadOnlyList<ServiceRating>?> GetRatings() => Task.FromResult<IReadOnlyList<ServiceRating>?>(
        state.State.Details is null ? null : state.State.Ratings);

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
        state.State.ChangeLog.Add(new ChangeLogEntry(what, before, after, actor, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        state.State.Outbox.Add(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.FileChanged, details.Title, announcement, now, await CurrentDue()));
        await state.WriteStateAsync();
        await TryFlushOutbox();
        return new InitiativeChangeResult(details, []);
    }

    public Task<InitiativeContact?> GetContact() => Task.FromResult(
        state.State.Details is null ? null : new InitiativeContact(state.State.Contact, state.State.Handovers));

    /// <summary>The day the current step is due, or null when the initiative has ended.</summary>
    private async Task<DateOnly?> CurrentDue() =>
        (await GetTimeline())?.Ahead is { Count: > 0 } ahead ? ahead[0].ExpectedEnd : null;

    /// <summary>Keeps the contact official's work queue in step with this initiative.</summary>
    private async Task UpdateWorkQueue()
    {
        if (state.State.Contact is not { } contact || state.State.Details is not { } details)
        {
            return;
        }

        var official = GrainFactory.GetGrain<IOfficialGrain>(contact.OfficialId);
        if (StatusTransitions.IsOpen(details.Status))
        {
            await official.Track(new WorkItem(details.Id, details.Title, details.Status, await CurrentDue()));
        }
        else
        {
            await official.Untrack(details.Id);
        }
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
        if (!ServiceNorms.IsOverdue(current.ExpectedEnd, today))
        {
            return;
        }

        var label = details.Status.DutchLabel();
        var dueText = current.ExpectedEnd.ToString("d MMMM yyyy", DutchCulture);
        var changed = false;
        if (!state.State.OverdueAnnounced)
        {
            state.State.OverdueAnnounced = true;
            state.State.Outbox.Add(new FeedEntry(
                details.Id, ++state.State.EventCount, FeedItemKind.StepOverdue, details.Title,
                $"De stap {label} duurt langer dan afgesproken. Die zou klaar zijn op {dueText}.", now, current.ExpectedEnd));
            changed = true;
        }

        if (!state.State.Escalated && today > WorkingDays.Add(current.ExpectedEnd, norms.EscalationWorkingDays))
        {
            var overdue = WorkingDays.Between(current.ExpectedEnd, today);
            await EscalationAgenda.Get(GrainFactory).Add(new AgendaItem(
                details.Id, details.Title, details.NeighbourhoodCode, details.Status, current.ExpectedEnd, overdue,
                $"De stap {label} is {overdue} werkdagen over de termijn van {current.NormWorkingDays} werkdagen (klaar verwacht op {dueText}).", now));
            state.State.Escalated = true;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
            await TryFlushOutbox();
        }
    }

    private static readonly System.Globalization.CultureInfo DutchCulture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The name on the timeline for the submission, until sign-in tells who it was.</summary>
    public const string Initiator = "Initiatiefnemer";

    private List<TimelineStep> History(InitiativeDetails details) =>
        state.State.History.Count > 0
            ? state.State.History
            : [new TimelineStep(InitiativeStatus.Submitted, details.SubmittedAt, SubmittedText, Initiator)];

    /// <summary>The status text residents read for a new initiative.</summary>
    public const string SubmittedText = "Het initiatief is ingediend. De gemeente kiest een contactpersoon en maakt een afspraak voor een eerste gesprek.";

    /// <summary>
    /// The change is stored once its state is written. If the neighbourhood cannot take the feed
    /// item now (a storage conflict, a node going down), the grain stays active and offers it again
    /// until it is taken, instead of failing a change that is already stored.
    /// </summary>
    private async Task TryFlushOutbox()
    {
        try
        {
            await FlushOutbox();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPublishDeferred(exception, this.GetPrimaryKey());
            _publishRetry ??= this.RegisterGrainTimer(RetryOutbox, new GrainTimerCreationOptions(PublishRetryInterval, PublishRetryInterval) { KeepAlive = true });
        }
    }

    private async Task RetryOutbox(CancellationToken cancellationToken)
    {
        await FlushOutbox();
        _publishRetry?.Dispose();
        _publishRetry = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The feed item of initiative {Id} was not taken yet; it is offered again shortly.")]
    private partial void LogPublishDeferred(Exception exception, Guid id);

    private async Task FlushOutbox()
    {
        var details = state.State.Details!;
        var neighbourhood = GrainFactory.GetGrain<INeighbourhoodGrain>(details.NeighbourhoodCode);
        foreach (var entry in state.State.Outbox.ToList())
        {
            await neighbourhood.Publish(entry);
        }

        // One write per change: the cleared outbox reaches storage with the next write. Until then
        // an activation offers the entries again and the neighbourhood ignores them as repeats.
        state.State.Outbox.Clear();
    }
}
