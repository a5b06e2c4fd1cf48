using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
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

    /// <summary>
    /// Stores the state. If that fails, this activation's memory is ahead of storage, so it is
    /// discarded: the next call reads the stored truth again. Nothing half-done is ever shown.
    /// </summary>
    private async Task Save()
    {
        try
        {
            state.State.Revision++;
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Outbox.Count > 0 || state.State.PrivateOutbox.Count > 0 ||
            (state.State.Details is not null && state.State.IndexedRevision < state.State.Revision))
        {
            await TryFlushOutbox();
        }
    }

    public async Task<SubmitResult> Submit(SubmitInitiative submission, Access.Actor initiator)
    {
        if (state.State.Details is { } existing)
        {
            // A client that retries after a lost answer gets the same initiative back, once.
            return IsSameSubmission(existing, submission) && state.State.Initiator?.UserId == initiator.UserId
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
        state.State.Initiator = new Initiator(initiator.UserId, initiator.Name, normalised.ContactEmail, normalised.ContactPhone);
        state.State.History.Add(new TimelineStep(InitiativeStatus.Submitted, details.SubmittedAt, SubmittedText, InitiatorLabel));
        Announce(new FeedEntry(
            id, ++state.State.EventCount, FeedItemKind.InitiativeSubmitted, details.Title,
            "Er is een nieuw initiatief ingediend in uw buurt.", details.SubmittedAt,
            norms.ExpectedEnd(InitiativeStatus.Submitted, details.Theme, WorkingDays.DayOf(details.SubmittedAt))));
        await Save();
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

    /// <summary>A public event: kept in the initiative's own list and queued for its neighbourhood's feed, stored with the change.</summary>
    private void Announce(FeedEntry entry)
    {
        // The neighbourhood calls back on the earliest of the step's day and an agreement's check day.
        if (NextAgreementCheck() is { } check && (entry.StepExpectedEnd is null || check < entry.StepExpectedEnd))
        {
            entry = entry with { StepExpectedEnd = check };
        }

        state.State.Events.Add(entry);
        state.State.Outbox.Add(entry);

        // Those involved hear of it personally, stored with the change: the initiator (not of their
        // own submission: they see that on screen) and everyone who follows the initiative.
        if (entry.Kind != FeedItemKind.InitiativeSubmitted && state.State.Initiator is { } initiator)
        {
            Notify(initiator.UserId, entry, Notifications.NoticeKind.OwnInitiative);
        }

        foreach (var follower in state.State.Followers.Where(f => f != state.State.Initiator?.UserId))
        {
            Notify(follower, entry, Notifications.NoticeKind.Following);
        }

        if (entry.Kind == FeedItemKind.StepOverdue && state.State.Contact is { } contact)
        {
            // The contact official hears that a step of theirs is past its norm.
            Notify(contact.OfficialId, entry, Notifications.NoticeKind.Work);
        }
    }

    /// <summary>A private notice for one person about a public event, delivered with the next flush of the outbox.</summary>
    private void Notify(string userId, FeedEntry entry, Notifications.NoticeKind kind) =>
        state.State.PrivateOutbox.Add(new People.PrivateEntry(userId, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, kind));

    /// <summary>A private notice for one person only (no public event), delivered with the next flush of the outbox.</summary>
    private void Notify(string userId, FeedItemKind kind, string text, DateTimeOffset at, string eventId, Notifications.NoticeKind notice)
    {
        var details = state.State.Details!;
        state.State.PrivateOutbox.Add(new People.PrivateEntry(userId, kind, details.Id, details.Title, text, at, eventId, notice));
    }

    public Task<IReadOnlyList<FeedItem>?> GetEventsAfter(int afterEventNumber, int max)
    {
        if (state.State.Details is not { } details)
        {
            return Task.FromResult<IReadOnlyList<FeedItem>?>(null);
        }

        var items = state.State.Events
            .Where(e => e.EventNumber > afterEventNumber)
            .OrderBy(e => e.EventNumber)
            .Take(Math.Clamp(max, 0, NeighbourhoodGrain.MaxRead))
            .Select(e => new FeedItem(details.NeighbourhoodCode, state.State.Sequences.GetValueOrDefault(e.EventNumber), e.Kind, e.InitiativeId, e.Title, e.Text, e.OccurredAt, e.EventId))
            .ToList();
        return Task.FromResult<IReadOnlyList<FeedItem>?>(items);
    }

    public Task<Access.InitiativeAccess?> GetAccess() => Task.FromResult(state.State.Details is null
        ? null
        : new Access.InitiativeAccess(
            state.State.Details.Id, state.State.Initiator?.UserId, state.State.Contact?.OfficialId,
            state.State.Partners.Select(p => p.ContactUserId).OfType<string>().ToList()));

    public Task<Initiator?> GetInitiator() => Task.FromResult(state.State.Details is null ? null : state.State.Initiator);

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
            if (await neighbourhood.Publish(entry) is { } item)
            {
                // Kept in memory, stored with the next write: the item's number in the neighbourhood's feed.
                state.State.Sequences[entry.EventNumber] = item.Sequence;
            }
        }

        // One write per change: the cleared outbox reaches storage with the next write. Until then
        // an activation offers the entries again and the neighbourhood ignores them as repeats.
        state.State.Outbox.Clear();
        foreach (var entry in state.State.PrivateOutbox.ToList())
        {
            await GrainFactory.GetGrain<People.IPersonGrain>(entry.UserId).Deliver(entry);
            state.State.PrivateOutbox.Remove(entry);
        }

        // Like the outbox: the confirmed revision reaches storage with the next write, and a
        // summary sent twice is taken once.
        if (state.State.IndexedRevision < state.State.Revision)
        {
            var revision = state.State.Revision;
            await GrainFactory.GetGrain<Index.INeighbourhoodIndexGrain>(details.NeighbourhoodCode).Report(await Summary());
            state.State.IndexedRevision = revision;
        }
    }
}
