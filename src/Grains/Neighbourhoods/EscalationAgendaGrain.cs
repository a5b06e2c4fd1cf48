using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class EscalationAgendaGrain(
    [PersistentState("escalation-agenda", GrainStorage.Name)] IPersistentState<EscalationAgendaState> state)
    : Grain, IEscalationAgendaGrain
{
    public async Task Add(AgendaItem item)
    {
        if (state.State.Items.Upsert(item, i => i.InitiativeId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Remove(Guid initiativeId)
    {
        if (state.State.Items.RemoveAll(i => i.InitiativeId == initiativeId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<AgendaItem>> List() =>
        Task.FromResult<IReadOnlyList<AgendaItem>>(state.State.Items.OrderByDescending(i => i.WorkingDaysOverdue).ThenBy(i => i.ExpectedEnd).ToList());
}
