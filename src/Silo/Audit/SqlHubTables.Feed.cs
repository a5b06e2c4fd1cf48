using System.Data.Common;
using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>The neighbourhood feeds as rows of <c>hub_feed_items</c> (see <see cref="IFeedRows"/>).</summary>
public sealed partial class SqlHubTables
{
    private const string FeedColumns = "neighbourhood, sequence, initiative_id, event_id, kind, title, text, occurred_at";

    public Task<IReadOnlyList<FeedItem?>> Append(string neighbourhood, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken = default) =>
        AppendNumbered<FeedEntry, FeedItem>(neighbourhood, entries, durable: false, cancellationToken);

    /// <summary>
    /// Each entry takes the feed's next number, given here inside the transaction, unless its event
    /// (or a later one of the same initiative) is stored already: then no row, and no number used.
    /// </summary>
    private void AddFeeds(TableWrites writes, List<object> work) =>
        AddNumbered<FeedEntry, FeedItem>(writes, work, """
            INSERT INTO hub_feed_items (neighbourhood, sequence, initiative_id, event_number, event_id, kind, title, text, occurred_at)
            SELECT @neighbourhood, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM hub_feed_items WHERE neighbourhood = @neighbourhood),
                   @initiative_id, @event_number, @event_id, @kind, @title, @text, @occurred_at
            WHERE NOT EXISTS (SELECT 1 FROM hub_feed_items WHERE initiative_id = @initiative_id AND event_number >= @event_number)
            RETURNING sequence
            """,
            (neighbourhood, entry) => FeedValues(neighbourhood, entry.InitiativeId, entry.EventNumber, entry.EventId, entry.Kind, entry.Title, entry.Text, entry.OccurredAt),
            (neighbourhood, sequence, entry) => new FeedItem(neighbourhood, sequence, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId));

    Task<IReadOnlyList<FeedItem>> IFeedRows.Read(string neighbourhood, long afterSequence, int max, CancellationToken cancellationToken) =>
        Query(
            $"SELECT {FeedColumns} FROM hub_feed_items WHERE neighbourhood = @neighbourhood AND sequence > @after ORDER BY sequence LIMIT @max",
            ReadFeedItem, cancellationToken, ("neighbourhood", neighbourhood), ("after", afterSequence), ("max", max));

    Task<IReadOnlyList<FeedItem>> IFeedRows.Latest(string neighbourhood, int max, CancellationToken cancellationToken) =>
        Query(
            $"SELECT {FeedColumns} FROM hub_feed_items WHERE neighbourhood = @neighbourhood ORDER BY sequence DESC LIMIT @max",
            ReadFeedItem, cancellationToken, ("neighbourhood", neighbourhood), ("max", max));

    private static FeedItem ReadFeedItem(DbDataReader reader) => new(
        reader.GetString(0), reader.GetInt64(1), Enum.Parse<FeedItemKind>(reader.GetString(4)), ReadId(reader, 2),
        reader.GetString(5), reader.GetString(6), ReadMoment(reader, 7), reader.GetString(3));

    Task<IReadOnlyList<Guid>> IFeedRows.Initiatives(string neighbourhood, CancellationToken cancellationToken) =>
        Query("SELECT DISTINCT initiative_id FROM hub_feed_items WHERE neighbourhood = @neighbourhood", reader => ReadId(reader, 0), cancellationToken, ("neighbourhood", neighbourhood));

    /// <summary>The values of a feed row's columns but its number, from an entry or a stored item.</summary>
    private (string Name, object? Value)[] FeedValues(string neighbourhood, Guid initiative, int eventNumber, string eventId, FeedItemKind kind, string title, string text, DateTimeOffset occurredAt) =>
    [
        ("neighbourhood", neighbourhood), ("initiative_id", Id(initiative)), ("event_number", eventNumber), ("event_id", eventId),
        ("kind", kind.ToString()), ("title", title), ("text", text), ("occurred_at", Moment(occurredAt)),
    ];

    /// <summary>Items with their numbers from an older hub's grain state, waiting in the write queue.</summary>
    private sealed record FeedImport(IReadOnlyList<FeedItem> Items);

    public Task Import(IReadOnlyList<FeedItem> items, CancellationToken cancellationToken = default) =>
        items.Count == 0 ? Task.CompletedTask : Enqueue(new FeedImport(items), cancellationToken);

    private void AddFeedImports(TableWrites writes, List<FeedItem> items)
    {
        foreach (var item in items.OrderBy(i => i.NeighbourhoodCode, StringComparer.Ordinal).ThenBy(i => i.Sequence))
        {
            // Version 1 of the feed numbered no events: it published one per initiative, its submission.
            writes.Add(
                """
                INSERT INTO hub_feed_items (neighbourhood, sequence, initiative_id, event_number, event_id, kind, title, text, occurred_at)
                VALUES (@neighbourhood, @sequence, @initiative_id, @event_number, @event_id, @kind, @title, @text, @occurred_at)
                ON CONFLICT DO NOTHING
                """,
                [("sequence", item.Sequence), .. FeedValues(item.NeighbourhoodCode, item.InitiativeId, item.EventNumber > 0 ? item.EventNumber : 1, item.EventId, item.Kind, item.Title, item.Text, item.OccurredAt)]);
        }
    }
}
