namespace Haarlem.Initiatives.Silo;

/// <summary>Whether this node finished its start-up work (schema, seed data).</summary>
public sealed class HubReadiness
{
    private volatile bool _seeded;

    public bool IsSeeded => _seeded;

    internal void MarkSeeded() => _seeded = true;
}
