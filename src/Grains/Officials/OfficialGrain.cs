using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>
/// One contact official's work queue, held in memory and stored as rows (<see cref="IWorkQueueRows"/>):
/// bringing an initiative's items up to date writes that initiative's row in the hub tables'
/// grouped transaction, shared with the other changes of the moment. Reentrant: every method
/// changes memory in one turn, before its first await.
/// </summary>
/// <param name="state">The whole queue as older versions stored it: read once, moved into rows and cleared.</param>
/// <param name="rows">Where the queue is stored, one row per initiative.</param>
[Reentrant]
public sealed class OfficialGrain(
    [PersistentState("official", GrainStorage.Name)] IPersistentState<OfficialState> state,
    IWorkQueueRows rows)
    : Grain, IOfficialGrain
{
    private readonly Dictionary<Guid, IReadOnlyList<WorkItem>> _queue = [];

    // Per initiative, the store under way or failed (a repeat of the same items gets its outcome).
    private readonly Dictionary<Guid, (long Version, Task Task)> _storing = [];
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var officialId = this.GetPrimaryKeyString();
        if (state.RecordExists && state.State.Queue.Count > 0)
        {
            // A hub from before the rows: store the queue as rows (a repeat changes nothing), then clear it.
            await Task.WhenAll(state.State.Queue.GroupBy(i => i.InitiativeId)
                .Select(initiative => rows.Store(officialId, initiative.Key, [.. initiative], cancellationToken)));

            await state.ClearStateAsync(cancellationToken);
        }

        foreach (var initiative in (await rows.Load(officialId, cancellationToken)).GroupBy(i => i.InitiativeId))
        {
            _queue[initiative.Key] = [.. initiative];
        }
    }

    public Task Sync(Guid initiativeId, IReadOnlyList<WorkItem> items)
    {
        var held = _queue.TryGetValue(initiativeId, out var current) ? current : [];
        if (held.OrderBy(i => i.InputNumber ?? 0).SequenceEqual(items.OrderBy(i => i.InputNumber ?? 0)))
        {
            return _storing.TryGetValue(initiativeId, out var pending) ? pending.Task : Task.CompletedTask;
        }

        if (items.Count == 0)
        {
            _queue.Remove(initiativeId);
        }
        else
        {
            _queue[initiativeId] = items;
        }

        var version = ++_version;
        var storing = Store(initiativeId, items, version);
        _storing[initiativeId] = (version, storing);
        return storing;
    }

    private async Task Store(Guid initiativeId, IReadOnlyList<WorkItem> items, long version)
    {
        try
        {
            await rows.Store(this.GetPrimaryKeyString(), initiativeId, items);
        }
        catch
        {
            // Memory is ahead of the rows: read them again on the next call (the initiative offers its items again).
            DeactivateOnIdle();
            throw;
        }

        if (_storing.TryGetValue(initiativeId, out var current) && current.Version == version)
        {
            _storing.Remove(initiativeId);
        }
    }

    // Ordered by due day: the overdue ones (earliest days) come first by nature; items without a day come last.
    public Task<IReadOnlyList<WorkItem>> GetQueue() => Task.FromResult<IReadOnlyList<WorkItem>>(
        _queue.Values.SelectMany(items => items)
            .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.InputNumber ?? 0).ToList());
}
