using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// The hub's tables (audit trail, person data index, delivery ledger) in memory, for grain and
/// schema tests without a database; idempotent like the SQL ones (tested in Silo.Tests).
/// </summary>
public sealed class MemoryHubTables : IAuditLog, IChangeTables, IPersonIndex
{
    private readonly List<AuditEntry> _entries = [];
    private readonly HashSet<(string UserId, Guid InitiativeId)> _people = [];
    private readonly List<TableDelivery> _deliveries = [];

    /// <summary>Every delivery received, repeats included.</summary>
    public IReadOnlyList<TableDelivery> Deliveries
    {
        get
        {
            lock (_entries)
            {
                return [.. _deliveries];
            }
        }
    }

    public Task Append(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task Deliver(TableDelivery delivery, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _deliveries.Add(delivery);
            foreach (var entry in delivery.Audit)
            {
                Add(entry);
            }

            foreach (var person in delivery.People)
            {
                _people.Add((person, delivery.InitiativeId));
            }
        }

        return Task.CompletedTask;
    }

    private void Add(AuditEntry entry)
    {
        if (entry.ChangeKey is null || !_entries.Exists(e => e.ChangeKey == entry.ChangeKey))
        {
            _entries.Add(entry);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> Read(DateOnly day, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == day).ToList());
        }
    }

    public Task<IReadOnlyList<Guid>> Initiatives(string userId, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<Guid>>(_people.Where(p => p.UserId == userId).Select(p => p.InitiativeId).ToList());
        }
    }

    public Task Forget(string userId, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _people.RemoveWhere(p => p.UserId == userId);
        }

        return Task.CompletedTask;
    }
}
