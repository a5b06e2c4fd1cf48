namespace Haarlem.Initiatives.Grains.Common;

/// <summary>
/// A problem with what a person sent that they can fix: a stable code, the input field it concerns
/// and a message that names the field and the rule.
/// </summary>
/// <param name="Code">Stable machine-readable code, for example <c>REQUIRED</c> or <c>TOO_LONG</c>.</param>
/// <param name="Field">The input field, as the API names it, for example <c>title</c>.</param>
/// <param name="Message">A sentence in English naming the field and the rule.</param>
[GenerateSerializer, Immutable, Alias("haarlem.user-error")]
public sealed record UserError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Field,
    [property: Id(2)] string Message);
