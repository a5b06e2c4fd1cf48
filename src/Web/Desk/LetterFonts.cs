using System.Reflection;
using PdfSharp.Fonts;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>
/// The letters' one font, DejaVu Sans (Latin, Cyrillic, Arabic presentation forms), from this
/// assembly: PDFsharp finds no fonts of its own on Linux, and the hub must print the same on every
/// machine. Bold has no Arabic glyphs, so Arabic is always set in the regular face.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Makes PDFsharp use these fonts (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName == Family ? new FontResolverInfo(isBold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Haarlem.Initiatives.Web.Desk.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
