using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The rules an initiative's own fields must meet, checked before anything is stored.</summary>
public static class InitiativeRules
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 2000;
    public const int NeighbourhoodCodeMaxLength = 40;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;

    /// <summary>Checks the fields that need no other grain; an empty list means they are fine.</summary>
    public static IReadOnlyList<UserError> Validate(SubmitInitiative submission)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(submission.Title))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "title", "The title is required and cannot be only spaces."));
        }
        else if (submission.Title.Trim().Length > TitleMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "title", $"The title can be at most {TitleMaxLength} characters."));
        }

        if (submission.Summary is not null && submission.Summary.Trim().Length > SummaryMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "summary", $"The summary can be at most {SummaryMaxLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(submission.NeighbourhoodCode))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "neighbourhoodCode", "The neighbourhood code is required."));
        }
        else if (submission.NeighbourhoodCode.Length > NeighbourhoodCodeMaxLength)
        {
            errors.Add(UnknownNeighbourhood(submission.NeighbourhoodCode));
        }

        if (!Enum.IsDefined(submission.Theme))
        {
            errors.Add(new UserError(UserErrorCodes.UnknownTheme, "theme", "The theme must be one of the listed themes."));
        }

        if (submission.ContactEmail?.Trim() is { Length: > 0 } email &&
            (email.Length > EmailMaxLength || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "contactEmail", $"The e-mail address must look like name@example.nl, at most {EmailMaxLength} characters."));
        }

        if (submission.ContactPhone?.Trim() is { Length: > 0 } phone &&
            (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "contactPhone", $"The phone number can have only digits, spaces, '+' and '-', at most {PhoneMaxLength} characters."));
        }

        return errors;
    }

    public static UserError UnknownNeighbourhood(string code) =>
        new(UserErrorCodes.UnknownNeighbourhood, "neighbourhoodCode",
            $"The neighbourhood code must be one of the known neighbourhoods; '{Shorten(code)}' is not.");

    /// <summary>Trims what a person typed into the form we store.</summary>
    public static SubmitInitiative Normalise(SubmitInitiative submission) => submission with
    {
        Title = submission.Title.Trim(),
        Summary = (submission.Summary ?? string.Empty).Trim(),
        NeighbourhoodCode = submission.NeighbourhoodCode.Trim(),
        ContactEmail = string.IsNullOrWhiteSpace(submission.ContactEmail) ? null : submission.ContactEmail.Trim(),
        ContactPhone = string.IsNullOrWhiteSpace(submission.ContactPhone) ? null : submission.ContactPhone.Trim(),
        Location = submission.Location?.Rounded(),
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
