namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class NeighbourhoodDirectoryState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<NeighbourhoodInfo> Neighbourhoods { get; set; } = [];
}
