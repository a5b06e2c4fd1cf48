namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class EscalationAgendaState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<AgendaItem> Items { get; set; } = [];
}
