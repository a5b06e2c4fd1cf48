namespace Haarlem.Initiatives.Web;

/// <summary>The marker for the letters' texts: Resources/LetterTexts.resx (Dutch) and one file per other language.</summary>
public sealed class LetterTexts;
