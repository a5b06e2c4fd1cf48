using System.Globalization;
using System.Resources;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Web.Initiatives;

/// <summary>
/// The text a person reads for a user error. In Dutch it comes from the resource file
/// (Error.{code}.{field}, else Error.{code}, else a general one); in English it is the rule's own
/// English text, which the API returns as well.
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

    /// <summary>The message in the person's language: plain Dutch, or the rule's own English text.</summary>
    public static string InUserLanguage(UserError error) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error.Message : For(error);

    /// <summary>The plain-Dutch message.</summary>
    public static string For(UserError error)
    {
        var dutch = Localization.HubLocalization.Dutch;
        var text = Texts.GetString($"Error.{error.Code}.{error.Field}", dutch)
                   ?? Texts.GetString($"Error.{error.Code}", dutch)
                   ?? Texts.GetString("Error.Other", dutch)!;
        return string.Format(dutch, text, Limits);
    }
}
