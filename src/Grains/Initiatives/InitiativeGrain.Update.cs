using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>Changes to the initiative's own texts, each in the change log with before and after.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> UpdateInitiative(InitiativeUpdate update, string actor)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = new List<UserError>();
        Check(update.Title, "title", InitiativeRules.TitleMaxLength, required: true);
        Check(update.Summary, "summary", InitiativeRules.SummaryMaxLength, required: false);
        Check(update.Plan, "plan", InitiativeUpdate.PlanMaxLength, required: false);
        Check(update.Conditions, "conditions", InitiativeUpdate.ConditionsMaxLength, required: false);
        if (!StatusTransitions.IsOpen(details.Status))
        {
            errors.Add(new UserError("CLOSED", "initiativeId", $"The initiative is {details.Status.DutchLabel().ToLowerInvariant()}; it cannot change any more."));
        }

        var changes = new List<(string What, string Label, string? Before, string? After)>();
        Compare("Titel", "titel", details.Title, update.Title);
        Compare("Beschrijving", "beschrijving", details.Summary, update.Summary);
        Compare("Plan", "plan", details.Plan, update.Plan);
        Compare("Voorwaarden", "voorwaarden", details.Conditions, update.Conditions);
        if (errors.Count == 0 && changes.Count > 0 && DecisionTaken() && string.IsNullOrWhiteSpace(update.Reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "A reason is required for changes after the decision."));
        }

        if (update.Reason?.Trim().Length > StatusTransitions.ReasonMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {StatusTransitions.ReasonMaxLength} characters."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        if (changes.Count == 0)
        {
            return new InitiativeChangeResult(details, []);
        }

        var now = time.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(update.Reason) ? null : update.Reason.Trim();
        var updated = details with
        {
            Title = update.Title?.Trim() ?? details.Title,
            Summary = update.Summary?.Trim() ?? details.Summary,
            Plan = update.Plan?.Trim() ?? details.Plan,
            Conditions = update.Conditions is null ? details.Conditions : Blank(update.Conditions),
        };
        state.State.Details = updated;
        foreach (var (what, _, before, after) in changes)
        {
            state.State.ChangeLog.Add(new ChangeLogEntry(what, before, after, actor, now, reason, Via));
        }

        var labels = string.Join(", ", changes.Select(c => c.Label));
        Announce(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.FileChanged, updated.Title,
            $"Het initiatief is aangepast: {labels}.{(reason is null ? "" : $" Reden: {reason}")}", now, await CurrentDue()));
        await Save();
        return new InitiativeChangeResult(updated, []);

        void Check(string? value, string field, int max, bool required)
        {
            if (value is null)
            {
                return;
            }

            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new UserError(UserErrorCodes.Required, field, $"The {field} cannot be empty or only spaces."));
            }
            else if (value.Trim().Length > max)
            {
                errors.Add(new UserError(UserErrorCodes.TooLong, field, $"The {field} can be at most {max} characters."));
            }
        }

        void Compare(string what, string label, string? current, string? proposed)
        {
            if (proposed is not null && Blank(proposed) != Blank(current))
            {
                changes.Add((what, label, Blank(current), Blank(proposed)));
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether the decision step has been reached: from then on every change needs a reason.</summary>
    private bool DecisionTaken() => state.State.History.Exists(s => s.Status == InitiativeStatus.Decision);
}
