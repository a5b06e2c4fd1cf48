using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>A step the initiative has reached: when, set by whom, and what residents were told.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.timeline-step")]
public sealed record TimelineStep(
    [property: Id(0)] InitiativeStatus Status,
    [property: Id(1)] DateTimeOffset ReachedAt,
    [property: Id(2)] string Explanation,
    [property: Id(3)] string SetBy,
    [property: Id(4)] DecisionOutcome? Outcome = null,
    [property: Id(5)] string? Reason = null);

/// <summary>The current step or a step ahead, with the day it is expected to be done (from its service norm).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.planned-step")]
public sealed record PlannedStep(
    [property: Id(0)] InitiativeStatus Status,
    [property: Id(1)] int NormWorkingDays,
    [property: Id(2)] DateOnly ExpectedEnd,
    [property: Id(3)] bool IsCurrent,
    [property: Id(4)] bool Extended = false);

/// <summary>
/// The public, dated timeline of an initiative: the steps passed, with dates, and the steps
/// ahead, with expected dates; whether the current step is past its norm.
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-timeline")]
public sealed record InitiativeTimeline(
    [property: Id(0)] IReadOnlyList<TimelineStep> Passed,
    [property: Id(1)] IReadOnlyList<PlannedStep> Ahead,
    [property: Id(2)] bool CurrentStepOverdue,
    [property: Id(3)] IReadOnlyList<StepExtension> Extensions)
{
    /// <summary>When the whole initiative is expected to be completed, if all steps keep their norms.</summary>
    public DateOnly? ExpectedCompletion => Ahead.Count > 0 ? Ahead[^1].ExpectedEnd : null;
}
