using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Haarlem.Initiatives.Web.Tests.Localization;

/// <summary>
/// Every UI, email and letter text exists in each of the hub's six languages, with the same
/// placeholders as the Dutch text (validation errors in English come from the rules themselves).
/// </summary>
public sealed partial class ResourceFileTests
{
    /// <summary>The languages besides Dutch and English, which carry every Dutch key, errors included.</summary>
    public static TheoryData<string> OtherLanguages => new() { "ar", "tr", "pl", "uk" };

    /// <summary>Every language besides Dutch.</summary>
    public static TheoryData<string> Translations => new() { "en", "ar", "tr", "pl", "uk" };

    private static Dictionary<string, string> Read(string file) => Read("src/Web/Resources", file);

    private static Dictionary<string, string> Read(string folderInRepository, string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Haarlem.Initiatives.sln")))
        {
            folder = folder.Parent;
        }

        return XDocument.Load(Path.Combine(folder.FullName, folderInRepository, file))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static void ShouldMatch(Dictionary<string, string> dutch, Dictionary<string, string> translation, IEnumerable<string> expectedKeys)
    {
        translation.Keys.Order(StringComparer.Ordinal).Should().Equal(expectedKeys.Order(StringComparer.Ordinal));
        translation.Where(t => string.IsNullOrWhiteSpace(t.Value)).Should().BeEmpty();
        translation.Where(t => !Placeholders(t.Value).SequenceEqual(Placeholders(dutch[t.Key])))
            .Select(t => t.Key).Should().BeEmpty("a translated text fills in the same values as the Dutch one");
    }

    [Fact]
    public void Every_Dutch_text_has_an_English_one_and_no_English_text_is_left_over()
    {
        var dutch = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");

        dutch.Where(d => string.IsNullOrWhiteSpace(d.Value)).Should().BeEmpty();
        ShouldMatch(dutch, english, dutch.Keys.Where(k => !k.StartsWith("Error.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_Dutch_text_and_error_has_a_translation_with_the_same_placeholders(string language)
    {
        var dutch = Read("SharedResource.resx");

        ShouldMatch(dutch, Read($"SharedResource.{language}.resx"), dutch.Keys);
    }

    /// <summary>A Latin example in an Arabic sentence: a postcode, a house number with a letter, a phone number.</summary>
    [GeneratedRegex(@"\d{4} [A-Z]{2}|\b\d{1,5}[a-z]\b|\b0\d \d{8}\b")]
    private static partial Regex LatinExample();

    [Fact]
    public void Every_Latin_example_in_an_Arabic_page_text_reads_left_to_right_between_isolates()
    {
        var arabic = Read("SharedResource.ar.resx");
        var examples = arabic.SelectMany(t => LatinExample().Matches(t.Value).Select(m => (t.Key, t.Value, m.Index, m.Length))).ToList();

        examples.Select(e => e.Key).Distinct().Should().HaveCount(6, "the postcode, house number and phone hints and errors");
        examples.Where(e => e.Index == 0 || e.Value[e.Index - 1] != '\u2066' || e.Value[e.Index + e.Length] != '\u2069')
            .Select(e => $"{e.Key}: {e.Value.Substring(e.Index, e.Length)}").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_text_of_the_notice_emails_is_there_in_each_language(string language)
    {
        var dutch = Read("src/Grains/Notifications", "MailTexts.resx");

        dutch.Should().HaveCount(9);
        ShouldMatch(dutch, Read("src/Grains/Notifications", $"MailTexts.{language}.resx"), dutch.Keys);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_text_of_the_letters_is_there_in_each_language(string language)
    {
        var dutch = Read("LetterTexts.resx");

        dutch.Should().HaveCount(21);
        ShouldMatch(dutch, Read($"LetterTexts.{language}.resx"), dutch.Keys);
    }
}
