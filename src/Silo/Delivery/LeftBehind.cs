namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>
/// Which initiatives in the pending ledger the sweeper asks in a round. Normally an initiative
/// delivers and drops its entry within milliseconds, so a round takes only entries older than
/// <see cref="Age"/>: younger ones are most likely still being delivered. The first round after
/// the node starts takes every entry, whatever its age: nothing of this node is being delivered
/// yet, so whatever it finds was left behind by a node that stopped or crashed (a restart after a
/// crash takes seconds, less than <see cref="Age"/>), or is under way on another node, which a
/// second delivery does not change (the targets take each entry once).
/// </summary>
internal sealed class LeftBehind(IDeliveryLedger ledger)
{
    /// <summary>How old an entry must be to count as left behind, after the first round.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromSeconds(5);

    /// <summary>The most initiatives one round asks.</summary>
    public const int Batch = 500;

    private bool _started;

    /// <summary>The initiatives to ask in this round, oldest entry first, at most <see cref="Batch"/>.</summary>
    public async Task<IReadOnlyList<Guid>> Next(CancellationToken cancellationToken = default)
    {
        var pending = await ledger.Pending(_started ? Age : TimeSpan.Zero, Batch, cancellationToken);
        _started = true;
        return pending;
    }
}
