namespace Haarlem.Initiatives.Grains.Officials;

public sealed class OfficialState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<WorkItem> Queue { get; set; } = [];
}
