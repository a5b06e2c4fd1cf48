using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class EscalationAgendaGrain(
    [PersistentState("escalation-agenda", GrainStorage.Name)] IPersistentState<EscalationAgendaState> state)
    : Grain, IEscalationAgendaGrain
{
    public async Task Add(AgendaItem item)
    {
        var items = state.State.Items;
        var index = items.FindIndex(i => i.InitiativeId == item.InitiativeId);
        if (index >= 0 && items[index] == item)
        {
            return;
        }

        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }

        await state.WriteStateAsync();
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
