using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>
/// Delivers what a crash left undelivered, without anyone touching the initiative: every node,
/// from the moment its silo is active and then every <see cref="Every"/>, reads the pending
/// ledger for initiatives left behind (<see cref="LeftBehind"/>) and asks each to deliver its
/// stored outbox. The cost is bounded by what is pending, never by the size of the store: it
/// reads the small ledger table only, at most <see cref="LeftBehind.Batch"/> rows a round. Two
/// nodes that sweep the same initiative are harmless: it has one activation, and the targets take
/// each entry once.
/// </summary>
internal sealed partial class DeliverySweeper(
    IGrainFactory grains,
    IDeliveryLedger ledger,
    HubMetrics metrics,
    ILogger<DeliverySweeper> logger) : PeriodicSiloWork(Every)
{
    /// <summary>How often the ledger is read.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private readonly LeftBehind _leftBehind = new(ledger);

    protected override Task Round(CancellationToken cancellationToken) => Sweep(cancellationToken);

    protected override void RoundFailed(Exception exception) => LogSweepFailed(exception);

    /// <summary>One round; returns how many initiatives delivered.</summary>
    internal async Task<int> Sweep(CancellationToken cancellationToken)
    {
        var pending = await _leftBehind.Next(cancellationToken);
        var delivered = 0;
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<IInitiativeGrain>(id).DeliverOutbox();
                Interlocked.Increment(ref delivered);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogInitiativeNotDelivered(exception, id);
            }
        });

        if (pending.Count > 0)
        {
            LogSwept(delivered, pending.Count);
            metrics.Swept(delivered);
        }

        var (waiting, oldest) = await ledger.Waiting(cancellationToken);
        metrics.OutboxRead(waiting, oldest);

        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery sweep: {Delivered} of {Pending} initiatives left undelivered are delivered now.")]
    private partial void LogSwept(int delivered, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery sweep: initiative {Id} could not deliver yet; the next round tries again.")]
    private partial void LogInitiativeNotDelivered(Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery sweep: the pending ledger could not be read; the next round tries again.")]
    private partial void LogSweepFailed(Exception exception);
}
