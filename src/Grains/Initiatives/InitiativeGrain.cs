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
    Delivery.IChangeTables tables,
    Geo.MunicipalityMap map,
    ILogger<InitiativeGrain> logger)
    : Grain, IInitiativeGrain
{
    private static readonly InitiativeChangeResult NotFound =
        new(null, [new UserError("NOT_FOUND", "initiativeId", "There is no initiative with this id.")]);

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

        if (submission.Location is { } place)
        {
            errors.AddRange(LocationErrors(place.Rounded(), submission.NeighbourhoodCode.Trim()));
        }

        if (errors.Count > 0)
        {
            return SubmitResult.Rejected(errors);
        }

        var normalised = InitiativeRules.Normalise(submission);
        var id = this.GetPrimaryKey();
        var details = new InitiativeDetails(
            id, normalised.Title, normalised.Summary, normalised.Theme, InitiativeStatus.Submitted,
            normalised.NeighbourhoodCode, time.GetUtcNow(), Location: normalised.Location);
        state.State.Details = details;
        state.State.Initiator = new Initiator(initiator.UserId, initiator.Name, normalised.ContactEmail, normalised.ContactPhone, Assisted);
        // The address given for the contact official is where the initiator's notices go, unless they chose another.
        state.State.EmailToOffer = string.IsNullOrWhiteSpace(normalised.ContactEmail) ? null : normalised.ContactEmail;
        state.State.History.Add(new TimelineStep(InitiativeStatus.Submitted, details.SubmittedAt, SubmittedText, Assisted is { } desk ? $"{InitiatorLabel} ({desk.PublicVia})" : InitiatorLabel));
        Announce(new FeedEntry(
            id, ++state.State.EventCount, FeedItemKind.InitiativeSubmitted, details.Title,
            "Er is een nieuw initiatief ingediend in uw buurt.", details.SubmittedAt,
            norms.ExpectedEnd(InitiativeStatus.Submitted, details.Theme, WorkingDays.DayOf(details.SubmittedAt))));
        await Save();
        return SubmitResult.Accepted(details);
    }

    private static bool IsSameSubmission(InitiativeDetails existing, SubmitInitiative submission)
    {
        var normalised = InitiativeRules.Normalise(submission);
        return (existing.Title, existing.Summary, existing.NeighbourhoodCode, existing.Theme) ==
               (normalised.Title, normalised.Summary, normalised.NeighbourhoodCode, normalised.Theme);
    }

    public Task<InitiativeDetails?> GetDetails() => Task.FromResult(state.State.Details);

    /// <summary>The desk worker making the change being handled for a resident (counter or phone), if any.</summary>
    private static Desk.Assistance? Assisted => Delivery.ChangeStamp.Current?.AssistedBy;

    /// <summary>"via de balie" or "via de telefoon" for the change log when a desk worker makes the change.</summary>
    private static string? Via => Assisted?.PublicVia;

    /// <summary>A public event: kept in the initiative's own list and queued for its neighbourhood's feed, stored with the change.</summary>
    private void Announce(FeedEntry entry)
    {
        // The neighbourhood calls back on the earliest of the step's day and an agreement's check day.
        if (NextAgreementCheck() is { } check && (entry.StepExpectedEnd is null || check < entry.StepExpectedEnd))
        {
            entry = entry with { StepExpectedEnd = check };
        }

        state.State.Events.Add(entry);
        Stage(state.State.Outbox, entry);
        if (state.State.Details?.Location is { } place)
        {
            // The residents who follow the area around their home hear of it, across neighbourhood borders.
            Stage(state.State.NearbyOutbox, new NearbyNotice(entry, place));
        }

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
        Stage(state.State.PrivateOutbox, new People.PrivateEntry(userId, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, kind));

    /// <summary>A private notice for one person only (no public event), delivered with the next flush of the outbox.</summary>
    private void Notify(string userId, FeedItemKind kind, string text, DateTimeOffset at, string eventId, Notifications.NoticeKind notice)
    {
        var details = state.State.Details!;
        Stage(state.State.PrivateOutbox, new People.PrivateEntry(userId, kind, details.Id, details.Title, text, at, eventId, notice));
    }

    public Task<IReadOnlyList<FeedItem>?> GetEventsAfter(int afterEventNumber, int max)
    {
        if (state.State.Details is not { } details)
        {
            return Task.FromResult<IReadOnlyList<FeedItem>?>(null);
        }

        // An event still in the outbox is not in the feed yet: it comes live once it is.
        var items = state.State.Events
            .Where(e => e.EventNumber > afterEventNumber && !state.State.Outbox.Contains(e))
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
}
