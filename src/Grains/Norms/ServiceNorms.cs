using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Norms;

/// <summary>
/// The service norm of each open step in working days (servicenorm), with defaults and
/// overrides per theme, and the dates that follow from them.
/// </summary>
public sealed class ServiceNorms
{
    /// <summary>Defaults: the first talk within a week, then a month to work out, a month to decide.</summary>
    public static readonly IReadOnlyDictionary<InitiativeStatus, int> Defaults = new Dictionary<InitiativeStatus, int>
    {
        [InitiativeStatus.Submitted] = 5,
        [InitiativeStatus.Exploring] = 15,
        [InitiativeStatus.WorkingOut] = 20,
        [InitiativeStatus.Decision] = 20,
        [InitiativeStatus.Realisation] = 60,
    };

    private readonly IReadOnlyDictionary<Theme, IReadOnlyDictionary<InitiativeStatus, int>> _perTheme;

    public ServiceNorms(IReadOnlyDictionary<Theme, IReadOnlyDictionary<InitiativeStatus, int>>? perTheme = null, int escalationWorkingDays = 10)
    {
        _perTheme = perTheme ?? new Dictionary<Theme, IReadOnlyDictionary<InitiativeStatus, int>>();
        EscalationWorkingDays = escalationWorkingDays;
    }

    /// <summary>How many working days past its norm a step goes on the Bestuur op Maat agenda.</summary>
    public int EscalationWorkingDays { get; }

    /// <summary>The norm in working days of an open step for a theme; null for a step that has ended the initiative.</summary>
    public int? WorkingDaysFor(InitiativeStatus step, Theme theme) =>
        _perTheme.TryGetValue(theme, out var norms) && norms.TryGetValue(step, out var themed)
            ? themed
            : Defaults.TryGetValue(step, out var norm) ? norm : null;

    /// <summary>When a step that started on <paramref name="startedOn"/> is expected to be done.</summary>
    public DateOnly? ExpectedEnd(InitiativeStatus step, Theme theme, DateOnly startedOn) =>
        WorkingDaysFor(step, theme) is { } days ? WorkingDays.Add(startedOn, days) : null;

    /// <summary>
    /// The expected end of the current step and of each step after it, assuming each next step
    /// starts on the day the one before is expected to end (or today, when that is later). An
    /// extension sets the current step's end (<paramref name="currentStepEnd"/>).
    /// </summary>
    public IReadOnlyList<(InitiativeStatus Step, DateOnly ExpectedEnd)> Plan(
        InitiativeStatus current, Theme theme, DateOnly startedOn, DateOnly today, Lifecycle.DecisionOutcome? outcome = null,
        DateOnly? currentStepEnd = null)
    {
        var plan = new List<(InitiativeStatus, DateOnly)>();
        var step = (InitiativeStatus?)current;
        var start = startedOn;
        while (step is { } open && (plan.Count == 0 && currentStepEnd is { } extended ? extended : ExpectedEnd(open, theme, start)) is { } end)
        {
            plan.Add((open, end));
            start = end > today ? end : today;
            step = Lifecycle.StatusTransitions.Next(open, outcome);
        }

        return plan;
    }

    /// <summary>Whether a step that was expected to end on <paramref name="expectedEnd"/> is overdue on <paramref name="today"/>.</summary>
    public static bool IsOverdue(DateOnly expectedEnd, DateOnly today) => today > expectedEnd;
}
