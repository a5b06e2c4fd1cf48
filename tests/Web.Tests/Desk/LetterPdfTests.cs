using System.Text;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Web.Desk;
using Haarlem.Initiatives.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Haarlem.Initiatives.Web.Tests.Desk;

/// <summary>
/// The letters as the printer gets them, read back from the PDF: A4, the address block where a
/// window envelope shows it, and for Arabic the text joined as Arabic is written (the letters'
/// connected forms) and set from the right margin.
/// </summary>
public sealed class LetterPdfTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private const double PointsPerMillimetre = 72 / 25.4;

    private static Letter LetterIn(string language) => new(
        language, "Truus Bakker", new PostalAddress("Kleverparkweg", "12a", "2023 CD", "Haarlem"), new DateOnly(2026, 3, 2),
        [new LetterInitiative("Bankje bij de bushalte", [(new DateOnly(2026, 3, 2), "Verkenning: We komen kijken.")], InitiativeStatus.Exploring,
            new DateOnly(2026, 3, 23), (InitiativeStatus.WorkingOut, new DateOnly(2026, 4, 20)),
            new ContactOfficial("dev-official", "Sanne de Vries", "Gebiedsverbinder", "Noord", "s.devries@haarlem.nl", "023 511 5000"), "http://localhost/initiatieven/1")],
        "K7QM-2PXA", new DateOnly(2027, 3, 2), "http://localhost/gegevens/overnemen");

    /// <summary>The page's lines top to bottom, each as its glyphs left to right, with where the line starts and ends (mm from the left).</summary>
    private static List<(string Text, double Left, double Right, double Top)> Lines(UglyToad.PdfPig.Content.Page page) =>
        [.. page.Letters
            .GroupBy(letter => Math.Round(letter.StartBaseLine.Y))
            .OrderByDescending(line => line.Key)
            .Select(line => line.OrderBy(letter => letter.StartBaseLine.X).ToList())
            .Select(line => (string.Concat(line.Select(l => l.Value)),
                Math.Round(line[0].StartBaseLine.X / PointsPerMillimetre),
                Math.Round(line[^1].EndBaseLine.X / PointsPerMillimetre),
                Math.Round((page.Height - line[0].BoundingBox.Top) / PointsPerMillimetre)))];

    /// <summary>Arabic as a reader reads it: the connected forms back to letters, in logical order.</summary>
    private static string Logical(string visual) => new([.. visual.Normalize(NormalizationForm.FormKC).Reverse()]);

    [Fact]
    public void A_Dutch_and_an_Arabic_letter_are_one_A4_page_each_with_the_address_in_the_window()
    {
        var pdf = fixture.Host.Services.GetRequiredService<LetterPdf>();

        var bytes = pdf.Render([LetterIn("nl"), LetterIn("ar")]);

        using var document = PdfDocument.Open(bytes);
        var pages = document.GetPages().ToList();
        pages.Select(p => (Math.Round(p.Width), Math.Round(p.Height))).Should().Equal((595.0, 842.0), (595.0, 842.0));
        var dutch = Lines(pages[0]);
        var arabic = Lines(pages[1]);

        // The window of a C5/DL envelope: 20 to 120 mm from the left, 45 to 90 mm from the top.
        foreach (var lines in new[] { dutch, arabic })
        {
            var address = lines.SkipWhile(l => l.Text != "Truus Bakker").Take(3).ToList();
            address.Select(l => l.Text).Should().Equal("Truus Bakker", "Kleverparkweg 12a", "2023 CD  HAARLEM");
            address.Should().OnlyContain(l => l.Left == 25 && l.Top >= 45 && l.Top <= 90);
        }

        dutch.Select(l => l.Text).Should().Contain("Beste Truus Bakker,");
        dutch.Should().Contain(l => l.Text == "Beste Truus Bakker," && l.Left == 25);
        var greeting = arabic.Single(l => Logical(l.Text).StartsWith("عزيزي", StringComparison.Ordinal));
        // Left to right on paper: the comma, the name (Latin keeps its own direction), then the Arabic words read from the right.
        greeting.Text.Normalize(NormalizationForm.FormKC).Should().Be("،Truus Bakker " + new string([.. "عزيزي/عزيزتي".Reverse()]));
        greeting.Right.Should().Be(190);
        Logical(arabic[0].Text).Should().Be("بلدية هارلم");
    }
}
