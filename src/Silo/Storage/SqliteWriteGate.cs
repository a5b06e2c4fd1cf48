using Orleans.Storage;

namespace Haarlem.Initiatives.Silo.Storage;

/// <summary>
/// SQLite takes one writer at a time for the whole file. Writers that find it taken get "busy"
/// and the driver retries them after a pause, which under load makes a few writes wait for most
/// of a second. On the embedded default the hub therefore queues its own writes (grain state and
/// its tables) in memory, first come first served, and hands SQLite one at a time: no write waits
/// on a busy retry. PostgreSQL has row locks and needs none of this.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs <paramref name="write"/> when no other write of this process is running.</summary>
    public async Task<T> Run<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task Run(Func<Task> write, CancellationToken cancellationToken = default) =>
        Run(async () => { await write(); return true; }, cancellationToken);
}

/// <summary>Orleans' ADO.NET grain storage with its writes and clears passed through the <see cref="SqliteWriteGate"/>; reads go straight through.</summary>
internal sealed class GatedGrainStorage(IGrainStorage inner, SqliteWriteGate gate) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.Run(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.Run(() => inner.ClearStateAsync(stateName, grainId, grainState));
}
