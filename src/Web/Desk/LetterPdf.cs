using System.Globalization;
using Haarlem.Initiatives.Grains.Common;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>
/// A post run's letters as one PDF for the printer: A4, one or more pages per letter, the address
/// block where a window envelope shows it (25 mm from the left, 50 mm from the top), plain words in
/// the resident's language (right to left for Arabic), the municipality's name at the top.
/// </summary>
public sealed class LetterPdf(IStringLocalizer<LetterTexts> texts, IStringLocalizer<SharedResource> shared)
{
    private const double Left = 25;
    private const double Right = 190;
    private const double Top = 20;
    private const double Bottom = 272;
    private const double AddressTop = 52;
    private const double LineHeight = 5.4;
    private const double BodySize = 11;

    public byte[] Render(IReadOnlyList<Letter> letters)
    {
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Gemeente Haarlem – brieven";
        foreach (var letter in letters)
        {
            var previous = CultureInfo.CurrentUICulture;
            var previousFormat = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = HubLanguages.Culture(letter.Language);
                new Writer(document, HubLanguages.IsRightToLeft(letter.Language)).Write(letter, texts, shared);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
                CultureInfo.CurrentCulture = previousFormat;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Writes one letter from the top of a new page, starting new pages as it goes.</summary>
    private sealed class Writer(PdfDocument document, bool rightToLeft)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly XFont _body = new(LetterFonts.Family, BodySize, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(LetterFonts.Family, BodySize, XFontStyleEx.Bold, Unicode);
        private readonly XFont _heading = new(LetterFonts.Family, 16, XFontStyleEx.Bold, Unicode);
        private readonly XFont _small = new(LetterFonts.Family, 9, XFontStyleEx.Regular, Unicode);
        private XGraphics? _graphics;
        private double _y;

        public void Write(Letter letter, IStringLocalizer texts, IStringLocalizer shared)
        {
            NewPage();
            var culture = CultureInfo.CurrentCulture;
            string Day(DateOnly day) => day.ToString("d MMMM yyyy", culture);

            // The municipality, top left; the address block in the envelope's window (always left to right).
            Draw(texts["Municipality"], _heading, Left, Top, alignRight: false);
            Draw(texts["Sender"], _small, Left, Top + 7, alignRight: false);
            var y = AddressTop;
            foreach (var line in new[] { letter.Name }.Concat(letter.Address.Lines))
            {
                Draw(line, _body, Left, y, alignRight: false);
                y += LineHeight;
            }

            _y = 100;
            Paragraph(texts["DateLine", Day(letter.Date)]);
            Paragraph(texts["Subject"], _bold);
            _y += LineHeight;
            Paragraph(texts["Greeting", letter.Name]);
            Paragraph(texts["Intro"]);
            foreach (var initiative in letter.Initiatives)
            {
                _y += LineHeight;
                Paragraph(initiative.Title, _bold);
                Paragraph(texts["WhatChanged"], _bold);
                foreach (var (on, text) in initiative.Changes)
                {
                    Paragraph($"{Day(on)}: {text}");
                }

                Paragraph(texts["WhereItStands"], _bold);
                var status = shared[$"Status.{initiative.Status}"];
                Paragraph(initiative.CurrentExpected is { } expected
                    ? texts["StatusLine", status, Day(expected)]
                    : texts["StatusEnded", status]);
                Paragraph(texts["NextStep"], _bold);
                Paragraph(initiative.Next is { } next
                    ? texts["NextStepLine", shared[$"Status.{next.Step}"], Day(next.Expected)]
                    : texts["NoNextStep"]);
                Paragraph(texts["Contact"], _bold);
                if (initiative.Contact is { } contact)
                {
                    Paragraph($"{contact.Name}, {contact.Role} ({contact.Team})");
                    Paragraph(contact.Phone is { Length: > 0 } phone ? texts["ContactPhone", phone] : texts["ContactNoPhone"]);
                }
                else
                {
                    Paragraph(texts["NoContact"]);
                }

                Paragraph(texts["OnlineAt", initiative.Link]);
            }

            _y += LineHeight;
            Paragraph(texts["Questions"]);
            if (letter.TakeOverCode is { } code && letter.CodeValidUntil is { } until)
            {
                Paragraph(texts["TakeOver", letter.TakeOverAt, code, Day(until)]);
            }

            _y += LineHeight;
            Paragraph(texts["Closing"]);
            Paragraph(texts["Municipality"]);
            _graphics?.Dispose();
            _graphics = null;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _y = Top;
        }

        /// <summary>A paragraph wrapped to the text width, right-aligned and in visual order for right to left.</summary>
        private void Paragraph(string text, XFont? font = null)
        {
            font ??= _body;
            foreach (var line in Wrap(text, font))
            {
                if (_y > Bottom)
                {
                    NewPage();
                }

                Draw(line, font, rightToLeft ? Right : Left, _y, rightToLeft);
                _y += LineHeight;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var width = Millimetres(Right - Left);
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _graphics!.MeasureString(RightToLeftText.Shape(candidate), font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }

        private void Draw(string text, XFont font, double x, double y, bool alignRight)
        {
            var visual = RightToLeftText.Visual(text);
            // Arabic is set in the regular face: the bold one has no Arabic glyphs.
            var face = RightToLeftText.HasArabic(text) && font.Bold ? new XFont(LetterFonts.Family, font.Size, XFontStyleEx.Regular, Unicode) : font;
            var left = alignRight ? Millimetres(x) - _graphics!.MeasureString(visual, face).Width : Millimetres(x);
            _graphics!.DrawString(visual, face, XBrushes.Black, new XPoint(left, Millimetres(y)), XStringFormats.TopLeft);
        }

        private static double Millimetres(double mm) => XUnit.FromMillimeter(mm).Point;
    }
}
