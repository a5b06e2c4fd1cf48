namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>
/// The Bestuur op Maat agenda: initiatives whose step stayed past its norm for longer than the
/// escalation period, so officials and the board can unblock them. Key: <see cref="EscalationAgenda.Key"/>.
/// </summary>
[Alias("haarlem.escalation-agenda")]
public interface IEscalationAgendaGrain : IGrainWithStringKey
{
    /// <summary>Puts the initiative on the agenda (or updates its entry).</summary>
    [Alias("add")]
    Task Add(AgendaItem item);

    /// <summary>Takes the initiative off the agenda (its step moved on).</summary>
    [Alias("remove")]
    Task Remove(Guid initiativeId);

    /// <summary>The agenda, longest overdue first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<AgendaItem>> List();
}
