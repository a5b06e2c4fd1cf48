using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>A request to move an initiative to another step.</summary>
/// <param name="Status">The requested step.</param>
/// <param name="Explanation">The plain-language text for residents (statustekst).</param>
/// <param name="Outcome">The decision, when the requested step is <see cref="InitiativeStatus.Decision"/>.</param>
/// <param name="Reason">Why: required for a withdrawal and for a decision that is not an approval.</param>
/// <param name="PublishAnyway">Publish although the plain-language check left hints.</param>
[GenerateSerializer, Immutable, Alias("haarlem.status-change-request")]
public sealed record StatusChangeRequest(
    [property: Id(0)] InitiativeStatus Status,
    [property: Id(1)] string Explanation,
    [property: Id(2)] DecisionOutcome? Outcome = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] bool PublishAnyway = false);
