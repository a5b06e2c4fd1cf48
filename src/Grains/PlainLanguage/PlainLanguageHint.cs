namespace Haarlem.Initiatives.Grains.PlainLanguage;

/// <summary>What a hint is about.</summary>
public enum PlainLanguageHintKind
{
    /// <summary>A sentence of more than 20 words.</summary>
    LongSentence,
    /// <summary>A word of more than 15 letters.</summary>
    LongWord,
    /// <summary>An ambtelijk word or phrase with a plainer alternative.</summary>
    Officialese,
    /// <summary>A passive sentence: it does not say who does it.</summary>
    Passive,
}

/// <summary>One hint for the writer, in plain Dutch, with the part of the text it is about.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.plain-language-hint")]
public sealed record PlainLanguageHint(
    [property: Id(0)] PlainLanguageHintKind Kind,
    [property: Id(1)] string Message,
    [property: Id(2)] string Excerpt,
    [property: Id(3)] string? Suggestion);

/// <summary>The outcome of a check: a score from 0 to 100, and the hints (none means plain at B1).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.plain-language-report")]
public sealed record PlainLanguageReport(
    [property: Id(0)] int Score,
    [property: Id(1)] IReadOnlyList<PlainLanguageHint> Hints,
    [property: Id(2)] int Sentences,
    [property: Id(3)] int Words)
{
    public bool IsPlain => Hints.Count == 0;
}
