using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Web.Initiatives;

namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>The message shown next to a form field: its first error, in the person's language.</summary>
public static class FormErrors
{
    public static string? For(IEnumerable<UserError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field) is { } error ? DutchUserErrors.InUserLanguage(error) : null;
}
