namespace Haarlem.Initiatives.Grains.Partners;

/// <summary>Whether an agreement was kept.</summary>
public enum AgreementState
{
    Open,
    Kept,
    Missed,
}

/// <summary>An agreement (afspraak): who promises what, by when; marked kept or missed.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.agreement")]
public sealed record Agreement(
    [property: Id(0)] int Number,
    [property: Id(1)] string Who,
    [property: Id(2)] string What,
    [property: Id(3)] DateOnly Due,
    [property: Id(4)] AgreementState State,
    [property: Id(5)] string RecordedBy,
    [property: Id(6)] DateTimeOffset RecordedAt);
