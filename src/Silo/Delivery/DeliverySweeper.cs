using Haarlem.Initiatives.Grains.Initiatives;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>
/// Delivers what a crash left undelivered, without anyone touching the initiative: every node,
/// from the moment its silo is active and then every <see cref="Interval"/>, reads the pending
/// ledger for initiatives whose entry is older than <see cref="Age"/> (normally the initiative
/// delivers and drops its entry within milliseconds) and asks each to deliver its stored outbox.
/// The cost is bounded by what is pending, never by the size of the store: it reads the small
/// ledger table only, at most <see cref="Batch"/> rows a round. Two nodes that sweep the same
/// initiative are harmless: it has one activation, and the targets take each entry once.
/// </summary>
internal sealed partial class DeliverySweeper(
    IGrainFactory grains,
    IDeliveryLedger ledger,
    ILogger<DeliverySweeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How often the ledger is read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>How old an entry must be to count as left behind (not still being delivered).</summary>
    public static readonly TimeSpan Age = TimeSpan.FromSeconds(5);

    /// <summary>The most initiatives one round asks.</summary>
    public const int Batch = 500;

    // Infrastructure time, not domain time: the real clock.
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeliverySweeper), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        _loop = Task.Run(Loop, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task Loop()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await Sweep(_stop.Token);
            }
            catch (Exception exception) when (!_stop.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
        while (await Next(timer));
    }

    private async Task<bool> Next(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One round; returns how many initiatives delivered.</summary>
    internal async Task<int> Sweep(CancellationToken cancellationToken)
    {
        var pending = await ledger.Pending(Age, Batch, cancellationToken);
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
        }

        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery sweep: {Delivered} of {Pending} initiatives left undelivered are delivered now.")]
    private partial void LogSwept(int delivered, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery sweep: initiative {Id} could not deliver yet; the next round tries again.")]
    private partial void LogInitiativeNotDelivered(Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery sweep: the pending ledger could not be read; the next round tries again.")]
    private partial void LogSweepFailed(Exception exception);
}
