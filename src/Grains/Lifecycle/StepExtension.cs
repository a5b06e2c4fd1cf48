using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>A step that takes longer than its norm by decision (verlenging): the new date and why, logged publicly.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.step-extension")]
public sealed record StepExtension(
    [property: Id(0)] InitiativeStatus Step,
    [property: Id(1)] DateOnly PreviousDate,
    [property: Id(2)] DateOnly NewDate,
    [property: Id(3)] string Reason,
    [property: Id(4)] string SetBy,
    [property: Id(5)] DateTimeOffset At);

/// <summary>A request to give the current step more time.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.extend-step-request")]
public sealed record ExtendStepRequest(
    [property: Id(0)] DateOnly NewDate,
    [property: Id(1)] string Reason,
    [property: Id(2)] bool PublishAnyway = false);
