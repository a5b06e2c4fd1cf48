using System.Text;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>
/// Arabic for a PDF library that draws glyphs one after the other, left to right (PDFsharp 6.2
/// does no text shaping): each letter becomes the presentation form it takes between its
/// neighbours (isolated, final, initial, medial; lam with alef as one ligature), and a line is put
/// in visual order (the right-to-left runs reversed, numbers and Latin words kept as they are).
/// Enough for the hub's letters; not a full Unicode bidi implementation.
/// </summary>
public static class RightToLeftText
{
    // Per letter: isolated, final, initial, medial presentation form (0 where the letter has none:
    // the right-joining letters have no initial or medial form; they never join the next letter).
    private static readonly Dictionary<char, (char Isolated, char Final, char Initial, char Medial)> Forms = new()
    {
        ['\u0621'] = ('\uFE80', '\0', '\0', '\0'),
        ['\u0622'] = ('\uFE81', '\uFE82', '\0', '\0'),
        ['\u0623'] = ('\uFE83', '\uFE84', '\0', '\0'),
        ['\u0624'] = ('\uFE85', '\uFE86', '\0', '\0'),
        ['\u0625'] = ('\uFE87', '\uFE88', '\0', '\0'),
        ['\u0626'] = ('\uFE89', '\uFE8A', '\uFE8B', '\uFE8C'),
        ['\u0627'] = ('\uFE8D', '\uFE8E', '\0', '\0'),
        ['\u0628'] = ('\uFE8F', '\uFE90', '\uFE91', '\uFE92'),
        ['\u0629'] = ('\uFE93', '\uFE94', '\0', '\0'),
        ['\u062A'] = ('\uFE95', '\uFE96', '\uFE97', '\uFE98'),
        ['\u062B'] = ('\uFE99', '\uFE9A', '\uFE9B', '\uFE9C'),
        ['\u062C'] = ('\uFE9D', '\uFE9E', '\uFE9F', '\uFEA0'),
        ['\u062D'] = ('\uFEA1', '\uFEA2', '\uFEA3', '\uFEA4'),
        ['\u062E'] = ('\uFEA5', '\uFEA6', '\uFEA7', '\uFEA8'),
        ['\u062F'] = ('\uFEA9', '\uFEAA', '\0', '\0'),
        ['\u0630'] = ('\uFEAB', '\uFEAC', '\0', '\0'),
        ['\u0631'] = ('\uFEAD', '\uFEAE', '\0', '\0'),
        ['\u0632'] = ('\uFEAF', '\uFEB0', '\0', '\0'),
        ['\u0633'] = ('\uFEB1', '\uFEB2', '\uFEB3', '\uFEB4'),
        ['\u0634'] = ('\uFEB5', '\uFEB6', '\uFEB7', '\uFEB8'),
        ['\u0635'] = ('\uFEB9', '\uFEBA', '\uFEBB', '\uFEBC'),
        ['\u0636'] = ('\uFEBD', '\uFEBE', '\uFEBF', '\uFEC0'),
        ['\u0637'] = ('\uFEC1', '\uFEC2', '\uFEC3', '\uFEC4'),
        ['\u0638'] = ('\uFEC5', '\uFEC6', '\uFEC7', '\uFEC8'),
        ['\u0639'] = ('\uFEC9', '\uFECA', '\uFECB', '\uFECC'),
        ['\u063A'] = ('\uFECD', '\uFECE', '\uFECF', '\uFED0'),
        ['\u0641'] = ('\uFED1', '\uFED2', '\uFED3', '\uFED4'),
        ['\u0642'] = ('\uFED5', '\uFED6', '\uFED7', '\uFED8'),
        ['\u0643'] = ('\uFED9', '\uFEDA', '\uFEDB', '\uFEDC'),
        ['\u0644'] = ('\uFEDD', '\uFEDE', '\uFEDF', '\uFEE0'),
        ['\u0645'] = ('\uFEE1', '\uFEE2', '\uFEE3', '\uFEE4'),
        ['\u0646'] = ('\uFEE5', '\uFEE6', '\uFEE7', '\uFEE8'),
        ['\u0647'] = ('\uFEE9', '\uFEEA', '\uFEEB', '\uFEEC'),
        ['\u0648'] = ('\uFEED', '\uFEEE', '\0', '\0'),
        ['\u0649'] = ('\uFEEF', '\uFEF0', '\0', '\0'),
        ['\u064A'] = ('\uFEF1', '\uFEF2', '\uFEF3', '\uFEF4'),
    };

    // Lam followed by an alef: one ligature, isolated or final.
    private static readonly Dictionary<char, (char Isolated, char Final)> LamAlef = new()
    {
        ['\u0622'] = ('\uFEF5', '\uFEF6'),
        ['\u0623'] = ('\uFEF7', '\uFEF8'),
        ['\u0625'] = ('\uFEF9', '\uFEFA'),
        ['\u0627'] = ('\uFEFB', '\uFEFC'),
    };

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    /// <summary>Whether the text holds Arabic letters (and so needs shaping and visual order).</summary>
    public static bool HasArabic(string text) => text.Any(IsArabic);

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    // Vowel marks do not break the joining of the letters around them.
    private static bool IsTransparent(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670';

    private static bool JoinsBoth(char c) => c == Tatweel || (Forms.TryGetValue(c, out var forms) && forms.Medial != '\0');

    private static bool Joins(char c) => c == Tatweel || Forms.ContainsKey(c) && c != '\u0621';

    /// <summary>One line in the order its glyphs are drawn, left to right: shaped, right-to-left runs reversed.</summary>
    public static string Visual(string line) => HasArabic(line) ? Reorder(Shape(line)) : line;

    /// <summary>The letters in their contextual presentation forms, still in reading order.</summary>
    public static string Shape(string text)
    {
        var shaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                shaped.Append(c);
                continue;
            }

            var previous = Neighbour(text, i, -1);
            var next = Neighbour(text, i, +1);
            var joinsPrevious = previous is { } p && JoinsBoth(p);
            if (c == Lam && next is { } alef && LamAlef.TryGetValue(alef, out var ligature))
            {
                shaped.Append(joinsPrevious ? ligature.Final : ligature.Isolated);
                i = text.IndexOf(alef, i + 1);
                continue;
            }

            var joinsNext = forms.Initial != '\0' && next is { } n && Joins(n);
            shaped.Append((joinsPrevious, joinsNext) switch
            {
                (true, true) => forms.Medial,
                (true, false) => forms.Final != '\0' ? forms.Final : forms.Isolated,
                (false, true) => forms.Initial,
                _ => forms.Isolated,
            });
        }

        return shaped.ToString();
    }

    /// <summary>The nearest letter before (-1) or after (+1) position <paramref name="at"/>, skipping vowel marks.</summary>
    private static char? Neighbour(string text, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (!IsTransparent(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Visual order of a right-to-left line: runs of left-to-right text (Latin letters, digits and
    /// what stands between them) keep their order inside; everything else is reversed, and so is
    /// the order of the runs; brackets are mirrored.
    /// </summary>
    private static string Reorder(string line)
    {
        var runs = new List<(bool LeftToRight, string Text)>();
        var i = 0;
        while (i < line.Length)
        {
            if (IsLeftToRight(line[i]))
            {
                // A left-to-right run takes the spaces and signs between its words, not those at its end.
                var end = i;
                var last = i;
                while (end < line.Length && !IsArabic(line[end]))
                {
                    if (IsLeftToRight(line[end]))
                    {
                        last = end;
                    }

                    end++;
                }

                runs.Add((true, line[i..(last + 1)]));
                i = last + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && !IsLeftToRight(line[i]))
                {
                    i++;
                }

                runs.Add((false, line[start..i]));
            }
        }

        var visual = new StringBuilder(line.Length);
        for (var r = runs.Count - 1; r >= 0; r--)
        {
            if (runs[r].LeftToRight)
            {
                visual.Append(runs[r].Text);
            }
            else
            {
                for (var c = runs[r].Text.Length - 1; c >= 0; c--)
                {
                    visual.Append(Mirror(runs[r].Text[c]));
                }
            }
        }

        return visual.ToString();
    }

    private static bool IsLeftToRight(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetterOrDigit(c) && !IsArabic(c));

    private static char Mirror(char c) => c switch
    {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '«' => '»',
        '»' => '«',
        _ => c,
    };
}
