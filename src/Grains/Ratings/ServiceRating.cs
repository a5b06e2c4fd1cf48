namespace Haarlem.Initiatives.Grains.Ratings;

/// <summary>The moments at which people rate the service.</summary>
public enum Milestone
{
    /// <summary>After the first talk (the step Exploring is done).</summary>
    AfterExploring,
    /// <summary>After the decision.</summary>
    AfterDecision,
    /// <summary>When the initiative is completed.</summary>
    AtCompletion,
}

/// <summary>The Kano dimensions, each scored 1 to 5: functional (fast, relevant, transparent, consistent) and emotional (personal, involved, simple).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.kano-scores")]
public sealed record KanoScores(
    [property: Id(0)] int Fast,
    [property: Id(1)] int Relevant,
    [property: Id(2)] int Transparent,
    [property: Id(3)] int Consistent,
    [property: Id(4)] int Personal,
    [property: Id(5)] int Involved,
    [property: Id(6)] int Simple)
{
    public IEnumerable<(string Field, int Score)> All() =>
    [
        ("fast", Fast), ("relevant", Relevant), ("transparent", Transparent), ("consistent", Consistent),
        ("personal", Personal), ("involved", Involved), ("simple", Simple),
    ];
}

/// <summary>One person's rating of the service at a milestone. <see cref="RaterId"/> stays private.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.service-rating")]
public sealed record ServiceRating(
    [property: Id(0)] Milestone Milestone,
    [property: Id(1)] int Mark,
    [property: Id(2)] KanoScores Kano,
    [property: Id(3)] string? Comment,
    [property: Id(4)] bool ByInitiator,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string RaterId,
    [property: Id(7)] Desk.ContactChannel Channel = Desk.ContactChannel.Web);
