using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;

namespace Haarlem.Initiatives.Grains.Initiatives;

public sealed class InitiativeGrain(
    [PersistentState("initiative", GrainStorage.Name)] IPersistentState<InitiativeState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
    : Grain, IInitiativeGrain
{
    // True when the stored state still lists entries the neighbourhood has confirmed.
    private bool _outboxStale;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Outbox.Count > 0)
        {
            await FlushOutbox();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outboxStale)
        {
            // Tidy only: a stale entry would be sent again and ignored as a repeat.
            await state.WriteStateAsync(cancellationToken);
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
        state.State.Outbox.Add(new FeedEntry(
            id, ++state.State.EventCount, FeedItemKind.InitiativeSubmitted, details.Title,
            "Er is een nieuw initiatief ingediend in uw buurt.", details.SubmittedAt));
        await state.WriteStateAsync();
        await FlushOutbox();
        return SubmitResult.Accepted(details);
    }

    private static bool IsSameSubmission(InitiativeDetails existing, SubmitInitiative submission)
    {
        var normalised = InitiativeRules.Normalise(submission);
        return (existing.Title, existing.Summary, existing.NeighbourhoodCode, existing.Theme) ==
               (normalised.Title, normalised.Summary, normalised.NeighbourhoodCode, normalised.Theme);
    }

    public Task<InitiativeDetails?> GetDetails() => Task.FromResult(state.State.Details);

    private async Task FlushOutbox()
    {
        var details = state.State.Details!;
        var neighbourhood = GrainFactory.GetGrain<INeighbourhoodGrain>(details.NeighbourhoodCode);
        foreach (var entry in state.State.Outbox.ToList())
        {
            await neighbourhood.Publish(entry);
        }

        // One write per change: the cleared outbox reaches storage with the next write.
        state.State.Outbox.Clear();
        _outboxStale = true;
    }
}
