namespace Haarlem.Initiatives.Grains.Audit;

/// <summary>
/// The append-only audit trail: who did what, when, on which initiative. It has no way to change
/// or remove an entry. The hub keeps it in a table of its own database (not in grain state), so
/// that appends from every node never contend for one grain.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends the entry; returns once it is stored.</summary>
    Task Append(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries of one UTC day, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> Read(DateOnly day, CancellationToken cancellationToken = default);
}
