namespace Haarlem.Initiatives.Grains.Common;

/// <summary>
/// Group commit for a reentrant grain: callers that change its state while a write is running
/// share the one write after it, so under load one write stores many changes and there are at
/// most two writes in flight-or-waiting. Each caller changes memory in one turn, before its first
/// await, then awaits <see cref="Write"/>; its change is durable when that task completes.
/// </summary>
/// <param name="write">Stores the state (for example <c>state.WriteStateAsync</c>).</param>
/// <param name="failed">Called when a write fails: memory is ahead of storage (for example: deactivate, so the next call reads the stored truth).</param>
public sealed class GroupCommit(Func<Task> write, Action failed)
{
    private Task _running = Task.CompletedTask;
    private Task? _next;

    /// <summary>The write that stores what is in memory now (starts one if none is waiting).</summary>
    public Task Write() => _next ??= WriteAfter(_running);

    /// <summary>Completes when what is in memory now is stored, without starting a write if none is pending.</summary>
    public Task Stored => _next ?? _running;

    private async Task WriteAfter(Task running)
    {
        // Let the caller store this task as the next write before it starts.
        await Task.Yield();
        try
        {
            await running;
        }
        catch
        {
            // That write's callers saw its failure; this write stores everything anyway.
        }

        _running = _next!;
        _next = null;
        try
        {
            await write();
        }
        catch
        {
            failed();
            throw;
        }
    }
}
