using System.Globalization;
using System.Resources;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Web.Initiatives;

/// <summary>
/// The text a person reads for a user error. In English it is the rule's own English text, which
/// the API returns as well; in every other language it comes from that language's resource file
/// (Error.{code}.{field}, else Error.{code}, else a general one).
/// </summary>
public static class DutchUserErrors
{
    private static readonly ResourceManager Texts = new("Haarlem.Initiatives.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    // The limits a text may name, by position: {0} title, {1} summary, {2} email, {3} phone, {4} input text.
    private static readonly object[] Limits =
    [
        InitiativeRules.TitleMaxLength, InitiativeRules.SummaryMaxLength, InitiativeRules.EmailMaxLength,
        InitiativeRules.PhoneMaxLength, Grains.Input.InputRules.TextMaxLength,
    ];

    /// <summary>The message in the person's language: the rule's own English text, or from the language's resource file.</summary>
    public static string InUserLanguage(UserError error) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error.Message : For(error, CultureInfo.CurrentUICulture);

    /// <summary>The plain-Dutch message.</summary>
    public static string For(UserError error) => For(error, Localization.HubLocalization.Dutch);

    private static string For(UserError error, CultureInfo culture)
    {
        var text = Texts.GetString($"Error.{error.Code}.{error.Field}", culture)
                   ?? Texts.GetString($"Error.{error.Code}", culture)
                   ?? Texts.GetString("Error.Other", culture)!;
        return string.Format(culture, text, Limits);
    }
}
