using Npgsql;
using Orleans.Storage;

namespace Haarlem.Initiatives.Silo.Storage;

/// <summary>
/// PostgreSQL: a write that PostgreSQL picked as the victim of a deadlock (40P01) or a
/// serialization failure (40001) was rolled back whole, so it is tried again, a few times after
/// a short random pause. Rare, but real under load: an initiative's write fills the delivery
/// ledger in the same transaction (docs/write-path.md) while a delivery group empties it, and the
/// caller should not see an error for a write that can simply be repeated.
/// </summary>
internal sealed class DeadlockRetryingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    /// <summary>Tries in all, the first included.</summary>
    public const int MaxTries = 4;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Run(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Run(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private static async Task Run(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception exception) when (attempt < MaxTries && IsRetryable(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt));
            }
        }
    }

    /// <summary>Whether PostgreSQL rolled the write back as a deadlock victim or a serialization failure.</summary>
    public static bool IsRetryable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }
}
