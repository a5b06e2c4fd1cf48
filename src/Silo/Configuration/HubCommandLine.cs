namespace Haarlem.Initiatives.Silo.Configuration;

/// <summary>Command-line switches both processes understand.</summary>
public static class HubCommandLine
{
    /// <summary>Apply the database schema, then exit (for operators who do not let nodes do it at start).</summary>
    public const string ApplySchema = "--apply-schema";
}
