namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>One contact official's work queue. Key: the official's id.</summary>
[Alias("haarlem.official")]
public interface IOfficialGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates an initiative's step, or one of its inputs, in the queue.</summary>
    [Alias("track")]
    Task Track(WorkItem item);

    /// <summary>Takes a resident's input out of the queue (it was answered).</summary>
    [Alias("untrack-input")]
    Task UntrackInput(Guid initiativeId, int number);

    /// <summary>Takes an initiative and its input out of the queue (handed over, or ended).</summary>
    [Alias("untrack")]
    Task Untrack(Guid initiativeId);

    /// <summary>The queue ordered by deadline, overdue first (their due day has passed), then the soonest due.</summary>
    [Alias("get-queue")]
    Task<IReadOnlyList<WorkItem>> GetQueue();
}
