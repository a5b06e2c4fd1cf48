using System.Xml.Linq;

namespace Haarlem.Initiatives.Web.Tests.Localization;

/// <summary>Every UI text exists in Dutch and in English (validation errors in English come from the rules themselves).</summary>
public sealed class ResourceFileTests
{
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

    [Fact]
    public void Every_Dutch_text_has_an_English_one_and_no_English_text_is_left_over()
    {
        var dutch = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");

        dutch.Keys.Where(k => !k.StartsWith("Error.", StringComparison.Ordinal)).Except(english.Keys).Should().BeEmpty();
        english.Keys.Except(dutch.Keys).Should().BeEmpty();
        dutch.Where(d => string.IsNullOrWhiteSpace(d.Value)).Should().BeEmpty();
        english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Should().BeEmpty();
    }

    [Fact]
    public void Every_text_of_the_notice_emails_is_there_in_Dutch_and_in_English()
    {
        var dutch = Read("src/Grains/Notifications", "MailTexts.resx");
        var english = Read("src/Grains/Notifications", "MailTexts.en.resx");

        dutch.Keys.Order().Should().Equal(english.Keys.Order());
        dutch.Should().HaveCount(9);
        dutch.Concat(english).Where(t => string.IsNullOrWhiteSpace(t.Value)).Should().BeEmpty();
    }
}
