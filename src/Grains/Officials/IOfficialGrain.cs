namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>One contact official's work queue. Key: the official's id.</summary>
[Alias("haarlem.official")]
public interface IOfficialGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the queue hold exactly <paramref name="items"/> for the initiative (its step and its
    /// unanswered input; none when it was handed over or ended). Delivered from the initiative's
    /// outbox: the same items sent twice change nothing.
    /// </summary>
    [Alias("sync")]
    Task Sync(Guid initiativeId, IReadOnlyList<WorkItem> items);

    /// <summary>The queue ordered by deadline, overdue first (their due day has passed), then the soonest due.</summary>
    [Alias("get-queue")]
    Task<IReadOnlyList<WorkItem>> GetQueue();
}
