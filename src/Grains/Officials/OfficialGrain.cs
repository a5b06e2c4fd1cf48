using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Officials;

public sealed class OfficialGrain(
    [PersistentState("official", GrainStorage.Name)] IPersistentState<OfficialState> state)
    : Grain, IOfficialGrain
{
    public async Task Track(WorkItem item)
    {
        if (state.State.Queue.Upsert(item, i => (i.InitiativeId, i.InputNumber ?? 0)))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Untrack(Guid initiativeId)
    {
        if (state.State.Queue.RemoveAll(i => i.InitiativeId == initiativeId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task UntrackInput(Guid initiativeId, int number)
    {
        if (state.State.Queue.RemoveAll(i => i.InitiativeId == initiativeId && i.InputNumber == number) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    // Ordered by due day: the overdue ones (earliest days) come first by nature; items without a day come last.
    public Task<IReadOnlyList<WorkItem>> GetQueue() => Task.FromResult<IReadOnlyList<WorkItem>>(
        state.State.Queue.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.InputNumber ?? 0).ToList());
}
