namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>What a resident sends to start an initiative.</summary>
/// <param name="Title">A short name, at most <see cref="InitiativeRules.TitleMaxLength"/> characters.</param>
/// <param name="Summary">What the initiative is and why, at most <see cref="InitiativeRules.SummaryMaxLength"/> characters.</param>
/// <param name="NeighbourhoodCode">The code of the neighbourhood it takes place in.</param>
/// <param name="Theme">What it is about.</param>
/// <param name="ContactEmail">How the contact official can reach the initiator (private), if given.</param>
/// <param name="ContactPhone">The initiator's phone number (private), if given.</param>
/// <param name="Location">Where it takes place (optional; within the municipality).</param>
[GenerateSerializer, Immutable, Alias("haarlem.submit-initiative")]
public sealed record SubmitInitiative(
    [property: Id(0)] string Title,
    [property: Id(1)] string Summary,
    [property: Id(2)] string NeighbourhoodCode,
    [property: Id(3)] Theme Theme,
    [property: Id(4)] string? ContactEmail = null,
    [property: Id(5)] string? ContactPhone = null,
    [property: Id(6)] Geo.GeoPoint? Location = null);
