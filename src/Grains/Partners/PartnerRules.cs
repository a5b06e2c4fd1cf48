using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Partners;

public static class PartnerRules
{
    public const int NameMaxLength = 120;
    public const int TextMaxLength = 500;

    public static IReadOnlyList<UserError> Validate(Partner partner)
    {
        var errors = new List<UserError>();
        Text(errors, "name", "The partner's name", partner.Name, NameMaxLength);
        Text(errors, "role", "The partner's role", partner.Role, TextMaxLength);
        if (!Enum.IsDefined(partner.Kind))
        {
            errors.Add(new UserError("UNKNOWN_KIND", "kind", "The kind must be one of the listed kinds of organisation."));
        }

        return errors;
    }

    public static IReadOnlyList<UserError> Validate(string who, string what, DateOnly due, DateOnly today)
    {
        var errors = new List<UserError>();
        Text(errors, "who", "Who makes the promise", who, NameMaxLength);
        Text(errors, "what", "What is promised", what, TextMaxLength);
        if (due < today)
        {
            errors.Add(new UserError("IN_THE_PAST", "due", $"The date cannot be in the past; today is {today:yyyy-MM-dd}."));
        }

        return errors;
    }

    private static void Text(List<UserError> errors, string field, string what, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new UserError(UserErrorCodes.Required, field, $"{what} is required."));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, field, $"{what} can be at most {max} characters."));
        }
    }
}
