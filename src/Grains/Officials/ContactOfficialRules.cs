using System.Net.Mail;
using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Officials;

public static class ContactOfficialRules
{
    public const int TextMaxLength = 100;

    public static IReadOnlyList<UserError> Validate(ContactOfficial official)
    {
        var errors = new List<UserError>();
        Required(errors, "officialId", official.OfficialId, "The official's id");
        Required(errors, "name", official.Name, "The name");
        Required(errors, "role", official.Role, "The role");
        Required(errors, "team", official.Team, "The team");
        if (string.IsNullOrWhiteSpace(official.Email) || !MailAddress.TryCreate(official.Email.Trim(), out _))
        {
            errors.Add(new UserError("INVALID_EMAIL", "email", "The email address must be a valid address, such as s.devries@haarlem.nl."));
        }

        if (official.Phone is { Length: > 0 } phone && (phone.Length > 20 || phone.Any(c => !char.IsDigit(c) && c is not (' ' or '+' or '-'))))
        {
            errors.Add(new UserError("INVALID_PHONE", "phone", "The phone number may have at most 20 digits, spaces, '+' and '-'."));
        }

        return errors;
    }

    private static void Required(List<UserError> errors, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new UserError(UserErrorCodes.Required, field, $"{what} is required."));
        }
        else if (value.Trim().Length > TextMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, field, $"{what} can be at most {TextMaxLength} characters."));
        }
    }
}
