namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>
/// Where the contact officials' work queues are kept: one row per official and initiative with
/// the initiative's items (table <c>hub_work_items</c>), written in the hub tables' grouped
/// transaction, so that the queues of many officials brought up to date by many changes share one
/// commit instead of a write per official.
/// </summary>
public interface IWorkQueueRows
{
    /// <summary>Makes the official's queue hold exactly <paramref name="items"/> for the initiative (none: it leaves the queue); returns when stored.</summary>
    Task Store(string officialId, Guid initiativeId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default);

    /// <summary>Every item in the official's queue.</summary>
    Task<IReadOnlyList<WorkItem>> Load(string officialId, CancellationToken cancellationToken = default);
}
