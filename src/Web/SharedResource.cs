namespace Haarlem.Initiatives.Web;

/// <summary>The marker for the UI's texts: Resources/SharedResource.resx (Dutch) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
