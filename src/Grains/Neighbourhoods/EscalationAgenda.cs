namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>The Bestuur op Maat agenda: the one grain that lists escalated initiatives.</summary>
public static class EscalationAgenda
{
    public const string Key = "bestuur-op-maat";

    public static IEscalationAgendaGrain Get(IGrainFactory grains) => grains.GetGrain<IEscalationAgendaGrain>(Key);
}
