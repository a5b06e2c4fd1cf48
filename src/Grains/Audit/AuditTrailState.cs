namespace Haarlem.Initiatives.Grains.Audit;

/// <summary>The stored state of one day's audit trail (JSON).</summary>
public sealed class AuditTrailState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<AuditEntry> Entries { get; set; } = [];
}
