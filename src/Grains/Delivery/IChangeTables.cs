using Haarlem.Initiatives.Grains.Audit;

namespace Haarlem.Initiatives.Grains.Delivery;

/// <summary>
/// The hub's own tables beside grain state: the audit trail, the person data index and the
/// delivery ledger. The initiative grain delivers the table part of its outbox here, last, once
/// the feed, the index, the inboxes and the work queues took theirs. Deliveries from many
/// initiatives share one transaction (group commit); each is idempotent.
/// </summary>
public interface IChangeTables
{
    /// <summary>Stores the delivery (each audit line and person link once) and returns when it is stored.</summary>
    Task Deliver(TableDelivery delivery, CancellationToken cancellationToken = default);
}

/// <summary>The table part of an initiative's outbox.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="Audit">Audit lines, each with its change key (initiative and revision), stored once per key.</param>
/// <param name="People">User ids tied to the initiative in the person data index.</param>
/// <param name="DeliveredVersion">
/// The storage version of the initiative's state whose whole outbox is now delivered: the delivery
/// ledger drops the initiative's pending entry up to this version. Null: nothing to drop yet.
/// </param>
public sealed record TableDelivery(Guid InitiativeId, IReadOnlyList<AuditEntry> Audit, IReadOnlyList<string> People, int? DeliveredVersion);

/// <summary>The person data index: which initiatives a person acted on (for download and erasure).</summary>
public interface IPersonIndex
{
    /// <summary>The initiatives <paramref name="userId"/> acted on.</summary>
    Task<IReadOnlyList<Guid>> Initiatives(string userId, CancellationToken cancellationToken = default);

    /// <summary>Removes the person from the index (their account was deleted).</summary>
    Task Forget(string userId, CancellationToken cancellationToken = default);
}
