namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>
/// Background work of a node: runs <see cref="Round"/> when the silo becomes active and then
/// every <see cref="Interval"/> until it stops (infrastructure time: the real clock). A failed
/// round is reported and the next one tries again.
/// </summary>
internal abstract class PeriodicSiloWork(TimeSpan interval) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public TimeSpan Interval => interval;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, Start, Stop);

    protected abstract Task Round(CancellationToken cancellationToken);

    protected abstract void RoundFailed(Exception exception);

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
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await Round(_stop.Token);
            }
            catch (Exception exception) when (!_stop.IsCancellationRequested)
            {
                RoundFailed(exception);
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
}
