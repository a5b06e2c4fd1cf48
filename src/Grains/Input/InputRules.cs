using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Input;

public static class InputRules
{
    /// <summary>Input is answered within this many working days.</summary>
    public const int AnswerNormWorkingDays = 5;

    public const int TextMaxLength = 2000;

    public static IReadOnlyList<UserError> ValidateInput(string residentId, InputKind kind, string? text)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(residentId))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "residentId", "Input needs a signed-in resident."));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new UserError("UNKNOWN_KIND", "kind", "The kind must be SUPPORT, QUESTION, IDEA or CONCERN."));
        }
        else if (kind != InputKind.Support)
        {
            Text(errors, "text", "Your question, idea or concern", text);
        }

        return errors;
    }

    public static IReadOnlyList<UserError> ValidateAnswer(string? text, InputOutcome outcome, string? reason)
    {
        var errors = new List<UserError>();
        Text(errors, "text", "The answer", text);
        if (!Enum.IsDefined(outcome))
        {
            errors.Add(new UserError("UNKNOWN_OUTCOME", "outcome", "The outcome must be ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED."));
        }
        else if (outcome != InputOutcome.Adopted && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason", "Say why the input was not (fully) adopted."));
        }

        return errors;
    }

    private static void Text(List<UserError> errors, string field, string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new UserError(UserErrorCodes.Required, field, $"{what} cannot be empty."));
        }
        else if (value.Trim().Length > TextMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, field, $"{what} can be at most {TextMaxLength} characters."));
        }
    }
}
