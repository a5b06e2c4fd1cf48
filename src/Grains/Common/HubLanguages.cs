namespace Haarlem.Initiatives.Grains.Common;

/// <summary>
/// The languages the hub speaks: plain Dutch first, then English and the languages of many of
/// Haarlem's newcomers (Arabic, Turkish, Polish, Ukrainian). The person's choice is kept on their
/// account and used for their emails and letters.
/// </summary>
public static class HubLanguages
{
    public const string Dutch = "nl";

    /// <summary>Every language code, Dutch first.</summary>
    public static readonly IReadOnlyList<string> All = ["nl", "en", "ar", "tr", "pl", "uk"];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    /// <summary>Whether the language is written right to left.</summary>
    public static bool IsRightToLeft(string code) => code == "ar";

    /// <summary>The language's own name, as a person looks for it in a list.</summary>
    public static string OwnName(string code) => code switch
    {
        "en" => "English",
        "ar" => "العربية",
        "tr" => "Türkçe",
        "pl" => "Polski",
        "uk" => "Українська",
        _ => "Nederlands",
    };

    /// <summary>The culture of a language: Dutch and English as in the Netherlands and the UK, the others as in their own country.</summary>
    public static System.Globalization.CultureInfo Culture(string code) => System.Globalization.CultureInfo.GetCultureInfo(code switch
    {
        "en" => "en-GB",
        "ar" => "ar",
        "tr" => "tr-TR",
        "pl" => "pl-PL",
        "uk" => "uk-UA",
        _ => "nl-NL",
    });
}
