using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Ratings;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>Service ratings at milestones.</summary>
public sealed partial class InitiativeGrain
{
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

        state.State.Ratings.Add(new ServiceRating(milestone, mark, kano, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), isInitiator, time.GetUtcNow(), raterId, Assisted?.Channel ?? Desk.ContactChannel.Web));
        await Save();
        return new InitiativeChangeResult(details, []);
    }

    public Task<IReadOnlyList<ServiceRating>?> GetRatings() => Task.FromResult<IReadOnlyList<ServiceRating>?>(
        state.State.Details is null ? null : state.State.Ratings);
}
