namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>What a resident sends to start an initiative.</summary>
/// <param name="Title">A short name, at most <see cref="InitiativeRules.TitleMaxLength"/> characters.</param>
/// <param name="Summary">What the initiative is and why, at most <see cref="InitiativeRules.SummaryMaxLength"/> characters.</param>
/// <param name="NeighbourhoodCode">The code of the neighbourhood it takes place in.</param>
/// <param name="Theme">What it is about.</param>
[GenerateSerializer, Immutable, Alias("haarlem.submit-initiative")]
public sealed record SubmitInitiative(
    [property: Id(0)] string Title,
    [property: Id(1)] string Summary,
    [property: Id(2)] string NeighbourhoodCode,
    [property: Id(3)] Theme Theme);
