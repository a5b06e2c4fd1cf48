using System.Text.Json;
using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>The contact officials' work queues as rows of <c>hub_work_items</c> (see <see cref="IWorkQueueRows"/>).</summary>
public sealed partial class SqlHubTables
{
    /// <summary>One initiative's items in one official's queue, waiting in the write queue.</summary>
    private sealed record WorkRows(string OfficialId, Guid InitiativeId, IReadOnlyList<WorkItem> Items);

    Task IWorkQueueRows.Store(string officialId, Guid initiativeId, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken) =>
        Enqueue(new WorkRows(officialId, initiativeId, items), cancellationToken);

    async Task<IReadOnlyList<WorkItem>> IWorkQueueRows.Load(string officialId, CancellationToken cancellationToken) =>
        [.. (await Query(
            _sqlite ? "SELECT items FROM hub_work_items WHERE official_id = @official_id" : "SELECT items::text FROM hub_work_items WHERE official_id = @official_id",
            reader => JsonSerializer.Deserialize<List<WorkItem>>(reader.GetString(0), SummaryJson)!,
            cancellationToken,
            ("official_id", officialId))).SelectMany(items => items)];

    /// <summary>In key order; of one official and initiative, the last one queued is what stays.</summary>
    private void AddWorkQueues(TableWrites writes, List<object> work)
    {
        foreach (var row in work.OfType<WorkRows>().OrderBy(r => r.OfficialId, StringComparer.Ordinal).ThenBy(r => r.InitiativeId))
        {
            if (row.Items.Count == 0)
            {
                writes.Add(
                    "DELETE FROM hub_work_items WHERE official_id = @official_id AND initiative_id = @initiative_id",
                    ("official_id", row.OfficialId), ("initiative_id", Id(row.InitiativeId)));
            }
            else
            {
                writes.Add(
                    $$"""
                    INSERT INTO hub_work_items (official_id, initiative_id, items) VALUES (@official_id, @initiative_id, {{(_sqlite ? "@items" : "@items::jsonb")}})
                    ON CONFLICT (official_id, initiative_id) DO UPDATE SET items = excluded.items
                    """,
                    ("official_id", row.OfficialId), ("initiative_id", Id(row.InitiativeId)), ("items", JsonSerializer.Serialize(row.Items, SummaryJson)));
            }
        }
    }
}
