namespace Haarlem.Initiatives.Grains.People;

/// <summary>The stored state of a person grain (JSON).</summary>
public sealed class PersonState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<Guid> Initiatives { get; set; } = [];

    public List<string> Neighbourhoods { get; set; } = [];
}
