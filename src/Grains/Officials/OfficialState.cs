namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>What older versions stored of an official: the whole queue. Since the rows (<see cref="IWorkQueueRows"/>) it is read once and cleared.</summary>
public sealed class OfficialState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<WorkItem> Queue { get; set; } = [];
}
