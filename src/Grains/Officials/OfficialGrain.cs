using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>
/// Reentrant with group commit: many initiatives bringing the queue up to date at once share one
/// write. Every method changes memory in one turn, before its first await.
/// </summary>
[Reentrant]
public sealed class OfficialGrain(
    [PersistentState("official", GrainStorage.Name)] IPersistentState<OfficialState> state)
    : Grain, IOfficialGrain
{
    private GroupCommit? _commit;

    private GroupCommit Commit => _commit ??= new GroupCommit(() => state.WriteStateAsync(), DeactivateOnIdle);

    public Task Sync(Guid initiativeId, IReadOnlyList<WorkItem> items)
    {
        var held = state.State.Queue.Where(i => i.InitiativeId == initiativeId).OrderBy(i => i.InputNumber ?? 0);
        if (held.SequenceEqual(items.OrderBy(i => i.InputNumber ?? 0)))
        {
            return Commit.Stored;
        }

        state.State.Queue.RemoveAll(i => i.InitiativeId == initiativeId);
        state.State.Queue.AddRange(items);
        return Commit.Write();
    }

    // Ordered by due day: the overdue ones (earliest days) come first by nature; items without a day come last.
    public Task<IReadOnlyList<WorkItem>> GetQueue() => Task.FromResult<IReadOnlyList<WorkItem>>(
        state.State.Queue.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.InputNumber ?? 0).ToList());
}
