using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Ratings;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>A step that ended: how many working days it took against its norm (null: the step has no norm).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.step-lead-time")]
public sealed record StepLeadTime(
    [property: Id(0)] InitiativeStatus Step,
    [property: Id(1)] DateOnly EndedOn,
    [property: Id(2)] int WorkingDays,
    [property: Id(3)] int? NormDays);

/// <summary>An answer to input: the day it was given, the working days it took, and whether it came within the norm.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.answer-time")]
public sealed record AnswerTime(
    [property: Id(0)] DateOnly AnsweredOn,
    [property: Id(1)] int WorkingDays,
    [property: Id(2)] bool WithinNorm);

/// <summary>A service rating without the rater: the day, the mark and the Kano scores.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.rating-figure")]
public sealed record RatingFigure(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] int Mark,
    [property: Id(2)] KanoScores Kano);

/// <summary>Input or support given on a day through a channel (no person: a council figure).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.input-figure")]
public sealed record InputFigure(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] Desk.ContactChannel Channel);

/// <summary>A text published for residents, and whether it still had plain-language hints.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.published-text")]
public sealed record PublishedText(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] bool WithHints);

/// <summary>
/// What the neighbourhood's index knows of one initiative: enough to list and filter it and to
/// count it in the council's figures, without calling the initiative. No personal data: the
/// contact official is public, raters and residents are left out.
/// </summary>
/// <remarks>
/// <see cref="Revision"/> is the initiative's stored revision: a report with a lower one is older
/// and ignored. <see cref="CurrentStepDue"/> is the day the current step is due; null when the
/// initiative has ended. <see cref="NextCheck"/> is the day after which the initiative wants its
/// deadlines checked: the earliest of that day and its agreements' warning and due days (null
/// in summaries stored before it existed: then <see cref="CurrentStepDue"/> counts).
/// </remarks>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-summary")]
public sealed record InitiativeSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long Revision,
    [property: Id(2)] string NeighbourhoodCode,
    [property: Id(3)] string Title,
    [property: Id(4)] Theme Theme,
    [property: Id(5)] InitiativeStatus Status,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] string? ContactOfficialId,
    [property: Id(8)] string? ContactOfficialName,
    [property: Id(9)] DateOnly? CurrentStepDue,
    [property: Id(10)] IReadOnlyList<StepLeadTime> Steps,
    [property: Id(11)] IReadOnlyList<AnswerTime> Answers,
    [property: Id(12)] IReadOnlyList<RatingFigure> Ratings,
    [property: Id(13)] IReadOnlyList<PublishedText> Texts,
    [property: Id(14)] Geo.GeoPoint? Location = null,
    [property: Id(15)] DateOnly? NextCheck = null,
    [property: Id(16)] Desk.ContactChannel Channel = Desk.ContactChannel.Web,
    [property: Id(17)] IReadOnlyList<InputFigure>? Inputs = null)
{
    /// <summary>Whether the initiative wants its deadlines checked on <paramref name="today"/>.</summary>
    public bool IsDueForCheck(DateOnly today) => (NextCheck ?? CurrentStepDue) is { } day && day < today;

    /// <summary>Whether the current step is past its day on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => CurrentStepDue is { } due && Norms.ServiceNorms.IsOverdue(due, today);
}
