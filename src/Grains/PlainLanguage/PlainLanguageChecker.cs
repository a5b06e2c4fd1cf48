using System.Text.RegularExpressions;

namespace Haarlem.Initiatives.Grains.PlainLanguage;

/// <summary>
/// Checks Dutch text written by officials for plain language at B1 level: sentences of more than
/// 20 words, words of more than 15 letters, ambtelijke words (with a plainer alternative) and
/// passive sentences. It gives a score and hints in Dutch. A heuristic aid for the writer, not a
/// judge: the writer may publish anyway.
/// </summary>
public static partial class PlainLanguageChecker
{
    public const int MaxSentenceWords = 20;
    public const int MaxWordLetters = 15;
    public const int MaxTextLength = 10_000;

    private const int SentencePenalty = 10;
    private const int HintPenalty = 5;

    public static PlainLanguageReport Check(string text)
    {
        var hints = new List<PlainLanguageHint>();
        // A soft hyphen only marks where a word may break; it is part of the word.
        var sentences = Sentences((text ?? string.Empty).Replace("\u00AD", string.Empty, StringComparison.Ordinal)).ToList();
        var wordCount = 0;
        foreach (var sentence in sentences)
        {
            var words = Word().Matches(sentence).Select(m => m.Value).ToList();
            wordCount += words.Count;
            if (words.Count > MaxSentenceWords)
            {
                hints.Add(new PlainLanguageHint(PlainLanguageHintKind.LongSentence,
                    $"Deze zin heeft {words.Count} woorden. Maak er twee of meer zinnen van, met hoogstens {MaxSentenceWords} woorden per zin.",
                    Shorten(sentence), null));
            }

            foreach (var word in words.Where(w => w.Count(char.IsLetter) > MaxWordLetters).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                hints.Add(new PlainLanguageHint(PlainLanguageHintKind.LongWord,
                    $"Het woord '{word}' is lang. Kan het korter, of met meer woorden?", word, null));
            }

            hints.AddRange(OfficialeseIn(sentence));

            if (PassiveIn(sentence) is { } passive)
            {
                hints.Add(new PlainLanguageHint(PlainLanguageHintKind.Passive,
                    "Deze zin zegt niet wie het doet. Schrijf bijvoorbeeld 'De gemeente beslist' in plaats van 'Er wordt besloten'.",
                    passive, null));
            }
        }

        var penalty = hints.Sum(h => h.Kind == PlainLanguageHintKind.LongSentence ? SentencePenalty : HintPenalty);
        return new PlainLanguageReport(Math.Max(0, 100 - penalty), hints, sentences.Count, wordCount);
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => Word().IsMatch(s));

    private static IEnumerable<PlainLanguageHint> OfficialeseIn(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        foreach (var (phrase, alternative) in Officialese.Alternatives)
        {
            var at = IndexOfWhole(lower, phrase);
            if (at >= 0)
            {
                yield return new PlainLanguageHint(PlainLanguageHintKind.Officialese,
                    $"Schrijf liever '{alternative}' dan '{phrase}'.", sentence.Substring(at, phrase.Length), alternative);
            }
        }
    }

    /// <summary>Where a word or phrase stands as whole words, or -1.</summary>
    private static int IndexOfWhole(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            // An inflected adjective or plural ('vigerende', 'belanghebbenden') counts too.
            if (end < text.Length && text[end] is 'e' or 's' && char.IsLetter(phrase[^1]))
            {
                end += end + 1 < text.Length && text[end] == 'e' && text[end + 1] == 'n' ? 2 : 1;
            }

            var after = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(phrase[^1]);
            if (before && after)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A form of 'worden' with a past participle after it in the same sentence: the Dutch passive.</summary>
    private static string? PassiveIn(string sentence)
    {
        var match = Passive().Match(sentence);
        return match.Success ? match.Value : null;
    }

    private static string Shorten(string sentence) => sentence.Length <= 80 ? sentence : sentence[..77] + "...";

    [GeneratedRegex(@"(?<=[.!?])\s+|\r?\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{Nd}][\p{L}\p{Nd}\p{Mn}'’\-]*")]
    private static partial Regex Word();

    // wordt/worden/werd/werden ... ge...d/t/en (a participle such as 'besloten', 'gemaakt', 'geplaatst').
    [GeneratedRegex(@"\b(wordt|worden|werd|werden)\b(\s+\S+){0,8}?\s+((uit|aan|op|af|in|mee|toe|voor|over|door|weg|terug)?ge\p{L}+(d|t|en)|(be|ver|ont|her)\p{L}+(d|t|en))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Passive();
}
