using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>What the neighbourhood's index and the council's figures know of this initiative.</summary>
public sealed partial class InitiativeGrain
{
    public async Task ReportToIndex()
    {
        if (state.State.Details is { } details)
        {
            await GrainFactory.GetGrain<INeighbourhoodIndexGrain>(details.NeighbourhoodCode).Report(await Summary());
        }
    }

    private async Task<InitiativeSummary> Summary()
    {
        var details = state.State.Details!;
        var history = History(details);
        var steps = history.Zip(history.Skip(1), (step, next) =>
        {
            var ended = WorkingDays.DayOf(next.ReachedAt);
            return new StepLeadTime(step.Status, ended, WorkingDays.Between(WorkingDays.DayOf(step.ReachedAt), ended), norms.WorkingDaysFor(step.Status, details.Theme));
        }).ToList();
        var answers = state.State.Input
            .Where(i => i.Answer is not null)
            .Select(i => new AnswerTime(WorkingDays.DayOf(i.Answer!.AnsweredAt), i.Answer.WorkingDaysTaken, WorkingDays.DayOf(i.Answer.AnsweredAt) <= i.AnswerDue))
            .ToList();
        var ratings = state.State.Ratings.Select(r => new RatingFigure(WorkingDays.DayOf(r.At), r.Mark, r.Kano)).ToList();

        // Texts counted before they were dated count on the day the initiative was submitted.
        var submittedOn = WorkingDays.DayOf(details.SubmittedAt);
        var undatedHints = Math.Max(0, state.State.TextsPublishedWithHints - state.State.PublishedTexts.Count(t => t.WithHints));
        var undated = Math.Max(0, state.State.TextsPublished - state.State.PublishedTexts.Count);
        var texts = state.State.PublishedTexts
            .Concat(Enumerable.Range(0, undated).Select(i => new PublishedText(submittedOn, i < undatedHints)))
            .ToList();
        var due = await CurrentDue();
        var check = due is not null && NextAgreementCheck() is { } agreement && agreement < due ? agreement : due;
        return new InitiativeSummary(
            details.Id, state.State.Revision, details.NeighbourhoodCode, details.Title, details.Theme, details.Status, details.SubmittedAt,
            state.State.Contact?.OfficialId, state.State.Contact?.Name, due, steps, answers, ratings, texts, details.Location, check,
            state.State.Initiator?.Channel ?? Desk.ContactChannel.Web,
            [.. state.State.Input.Select(i => new InputFigure(WorkingDays.DayOf(i.GivenAt), i.Channel)), .. state.State.SupportGiven]);
    }
}
