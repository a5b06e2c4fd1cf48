namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>A change to an initiative's own texts; a null field stays as it is.</summary>
/// <param name="Title">A new title.</param>
/// <param name="Summary">A new summary.</param>
/// <param name="Plan">The worked-out plan (what, where, when, with whom, costs).</param>
/// <param name="Conditions">The conditions of the decision, when approved with conditions.</param>
/// <param name="Reason">Why: required once the decision is taken.</param>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-update")]
public sealed record InitiativeUpdate(
    [property: Id(0)] string? Title = null,
    [property: Id(1)] string? Summary = null,
    [property: Id(2)] string? Plan = null,
    [property: Id(3)] string? Conditions = null,
    [property: Id(4)] string? Reason = null)
{
    public const int PlanMaxLength = 10_000;
    public const int ConditionsMaxLength = 2000;
}
