namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>One text field of a form, for <c>_TextField</c>: its label, hint and error in the person's language, named for the screen reader.</summary>
/// <param name="Id">The input's id (the label, hint and error refer to it).</param>
/// <param name="Name">The form field's name.</param>
/// <param name="Label">The label's text.</param>
/// <param name="Value">What it holds.</param>
/// <param name="Error">The error to show with it, if any.</param>
/// <param name="Hint">A hint under the label, if any.</param>
/// <param name="Type">The input's type (text, email, tel).</param>
/// <param name="Autocomplete">The browser's autocomplete token, if any.</param>
/// <param name="MaxLength">The most characters it takes.</param>
/// <param name="Multiline">A text area instead of a line.</param>
public sealed record TextField(
    string Id, string Name, string Label, string? Value, string? Error, string? Hint = null, string Type = "text",
    string? Autocomplete = null, int? MaxLength = null, bool Multiline = false)
{
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
