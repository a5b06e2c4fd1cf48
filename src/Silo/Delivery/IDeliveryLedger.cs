namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>The pending ledger (<c>hub_delivery_pending</c>): initiatives whose stored outbox may not be delivered yet.</summary>
public interface IDeliveryLedger
{
    /// <summary>Initiatives whose entry is older than <paramref name="olderThan"/> (by the database's clock), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Guid>> Pending(TimeSpan olderThan, int max, CancellationToken cancellationToken = default);

    /// <summary>How many initiatives have an entry, and the age of the oldest (zero when none), by the database's clock.</summary>
    Task<(long Count, TimeSpan Oldest)> Waiting(CancellationToken cancellationToken = default);
}
