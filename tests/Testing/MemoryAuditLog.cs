using Haarlem.Initiatives.Grains.Audit;

namespace Haarlem.Initiatives.Testing;

/// <summary>The audit trail in memory, for tests of the GraphQL schema without a database (the SQL one is tested in Silo.Tests).</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];

    public Task Append(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> Read(DateOnly day, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == day).ToList());
        }
    }
}
