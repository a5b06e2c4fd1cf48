using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Web.Initiatives;

/// <summary>The page's plain-Dutch text for each user error (the API gives the English one).</summary>
public static class DutchUserErrors
{
    /// <summary>The message in the person's language: plain Dutch, or the rule's own English text.</summary>
    public static string InUserLanguage(UserError error) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error.Message : For(error);

    public static string For(UserError error) => (error.Code, error.Field) switch
    {
        (UserErrorCodes.Required, "title") => "Vul een titel in.",
        (UserErrorCodes.TooLong, "title") => $"De titel is te lang. Gebruik niet meer dan {InitiativeRules.TitleMaxLength} tekens.",
        (UserErrorCodes.TooLong, "summary") => $"De beschrijving is te lang. Gebruik niet meer dan {InitiativeRules.SummaryMaxLength} tekens.",
        (UserErrorCodes.Required, "neighbourhoodCode") or (UserErrorCodes.UnknownNeighbourhood, _) => "Kies een buurt uit de lijst.",
        (UserErrorCodes.UnknownTheme, _) => "Kies een thema uit de lijst.",
        (UserErrorCodes.Invalid, "contactEmail") => $"Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl (hoogstens {InitiativeRules.EmailMaxLength} tekens).",
        (UserErrorCodes.Invalid, "contactPhone") => $"Het telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, + en - (hoogstens {InitiativeRules.PhoneMaxLength} tekens).",
        (UserErrorCodes.Required, "text") => "Schrijf eerst uw tekst.",
        (UserErrorCodes.TooLong, "text") => $"Uw tekst is te lang. Gebruik niet meer dan {Grains.Input.InputRules.TextMaxLength} tekens.",
        ("PLAIN_LANGUAGE", _) => "De tekst is nog niet eenvoudig genoeg. Kijk naar de tips, pas de tekst aan, of publiceer hem toch.",
        ("TOO_EARLY", "newDate") => "Kies een datum na de datum die nu geldt.",
        (UserErrorCodes.Required, "reason") => "Schrijf een reden op.",
        (UserErrorCodes.Required, "explanation") => "Schrijf een uitleg voor de inwoners.",
        ("INVALID_EMAIL", "email") => "Het e-mailadres klopt niet. Schrijf het zo: s.devries@haarlem.nl.",
        ("INVALID_PHONE", "phone") => "Het telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, + en -.",
        (UserErrorCodes.Required, "officialId" or "name" or "role" or "team" or "email") => "Vul dit in.",
        ("OUT_OF_RANGE", "mark") => "Geef een cijfer van 1 tot en met 10.",
        ("OUT_OF_RANGE", _) => "Kies bij elke vraag een antwoord.",
        ("ALREADY_RATED", _) => "U heeft dit moment al beoordeeld.",
        (UserErrorCodes.Unauthenticated, _) => "Log eerst in.",
        (UserErrorCodes.Forbidden, _) => "Dit mag u niet doen met uw account.",
        _ => "Er klopt iets niet in het formulier. Kijk het na en probeer het opnieuw.",
    };

    public static string ThemeLabel(Theme theme) => theme switch
    {
        Theme.Green => "Groen",
        Theme.Play => "Spelen",
        Theme.Social => "Samen en zorg",
        Theme.Culture => "Cultuur",
        Theme.Sport => "Sport en bewegen",
        Theme.Safety => "Veiligheid",
        Theme.Sustainability => "Duurzaamheid",
        Theme.Mobility => "Verkeer en vervoer",
        Theme.Other => "Iets anders",
        _ => theme.ToString(),
    };
}
