using Orleans.Runtime.Messaging;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>
/// Runs a grain call and tries it again while part of the cluster is briefly unreachable, as
/// when a node has died and the others have not yet declared it dead (about 3 seconds with the
/// hub's membership settings, see docs/operations.md), or while a node shuts down. Only calls that are safe to repeat
/// come here: reads, and writes that are idempotent by their id.
/// </summary>
public sealed class ClusterCalls(TimeProvider time)
{
    /// <summary>How long a call keeps trying before the error goes to the client.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    public async Task<T> Run<T>(Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        var deadline = time.GetUtcNow() + Budget;
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (IsTransient(exception) && time.GetUtcNow() + delay < deadline)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    /// <summary>As <see cref="Run{T}"/>, for a call without a result.</summary>
    public Task Run(Func<Task> call, CancellationToken cancellationToken = default) =>
        Run(async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>The message never reached a live activation, so trying again cannot do it twice.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is OrleansMessageRejectionException or SiloUnavailableException or ConnectionFailedException;
}
