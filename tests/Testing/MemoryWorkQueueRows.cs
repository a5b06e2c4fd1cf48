using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.Testing;

/// <summary>The officials' work queues in memory, one store per silo (like its grain storage), for grain tests without a database.</summary>
public sealed class MemoryWorkQueueRows : IWorkQueueRows
{
    private readonly Dictionary<(string OfficialId, Guid InitiativeId), IReadOnlyList<WorkItem>> _rows = [];

    public Task Store(string officialId, Guid initiativeId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (items.Count == 0)
            {
                _rows.Remove((officialId, initiativeId));
            }
            else
            {
                _rows[(officialId, initiativeId)] = items;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkItem>> Load(string officialId, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            return Task.FromResult<IReadOnlyList<WorkItem>>(_rows.Where(r => r.Key.OfficialId == officialId).SelectMany(r => r.Value).ToList());
        }
    }
}
