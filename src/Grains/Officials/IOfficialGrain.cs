namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>One contact official's work queue. Key: the official's id.</summary>
[Alias("haarlem.official")]
public interface IOfficialGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates an initiative in the queue.</summary>
    [Alias("track")]
    Task Track(WorkItem item);

    /// <summary>Takes an initiative out of the queue (handed over, or ended).</summary>
    [Alias("untrack")]
    Task Untrack(Guid initiativeId);

    /// <summary>The queue ordered by deadline, overdue first (their due day has passed), then the soonest due.</summary>
    [Alias("get-queue")]
    Task<IReadOnlyList<WorkItem>> GetQueue();
}
