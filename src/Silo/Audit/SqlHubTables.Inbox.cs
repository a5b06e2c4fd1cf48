using System.Data.Common;
using System.Globalization;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>The people's private notices as rows of <c>hub_inbox</c> (see <see cref="IInboxRows"/>).</summary>
public sealed partial class SqlHubTables
{
    /// <summary>Items with their numbers from an older hub's grain state, waiting in the write queue.</summary>
    private sealed record InboxImport(string UserId, IReadOnlyList<PrivateItem> Items);

    /// <summary>A person whose notices are to be erased, waiting in the write queue.</summary>
    private sealed record InboxErasure(string UserId);

    private const string InboxColumns = "sequence, kind, initiative_id, title, text, occurred_at, event_id, notice";

    public Task<IReadOnlyList<PrivateItem?>> Append(string userId, IReadOnlyList<PrivateEntry> entries, IReadOnlyList<NoticeRoute> routes, bool durable = false, CancellationToken cancellationToken = default) =>
        AppendNumbered<RoutedEntry, PrivateItem>(userId, [.. entries.Select((e, i) => new RoutedEntry(e, routes[i]))], durable, cancellationToken);

    /// <summary>A notice with how it reaches the person.</summary>
    private sealed record RoutedEntry(PrivateEntry Entry, NoticeRoute Route);

    async Task<IReadOnlyDictionary<NoticeRoute, int>> IInboxRows.CountByRoute(int fromMonth, int toMonth, CancellationToken cancellationToken) =>
        (await Query(
            "SELECT route, SUM(count) FROM hub_notice_counts WHERE month BETWEEN @from AND @to GROUP BY route",
            reader => (Route: Enum.Parse<NoticeRoute>(reader.GetString(0)), Count: Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)),
            cancellationToken, ("from", fromMonth), ("to", toMonth)))
        .ToDictionary(r => r.Route, r => r.Count);

    public Task Import(string userId, IReadOnlyList<PrivateItem> items, CancellationToken cancellationToken = default) =>
        items.Count == 0 ? Task.CompletedTask : Enqueue(new InboxImport(userId, items), cancellationToken);

    Task IInboxRows.Forget(string userId, CancellationToken cancellationToken) => Enqueue(new InboxErasure(userId), cancellationToken);

    /// <summary>
    /// Each entry takes the person's next number, given here inside the transaction, unless the
    /// person has its event already: then no row, and no number used.
    /// </summary>
    private void AddInboxes(TableWrites writes, List<object> work) =>
        AddNumbered<RoutedEntry, PrivateItem>(writes, work, """
            INSERT INTO hub_inbox (user_id, sequence, event_id, kind, notice, initiative_id, title, text, occurred_at, route, day, month)
            SELECT @user_id, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM hub_inbox WHERE user_id = @user_id),
                   @event_id, @kind, @notice, @initiative_id, @title, @text, @occurred_at, @route, @day, @month
            WHERE NOT EXISTS (SELECT 1 FROM hub_inbox WHERE user_id = @user_id AND event_id = @event_id)
            RETURNING sequence
            """,
            (userId, routed) => NoticeValues(userId, routed.Entry.EventId, routed.Entry.Kind, routed.Entry.Notice, routed.Entry.InitiativeId, routed.Entry.Title, routed.Entry.Text, routed.Entry.OccurredAt, routed.Route),
            (_, sequence, routed) => new PrivateItem(sequence, routed.Entry.Kind, routed.Entry.InitiativeId, routed.Entry.Title, routed.Entry.Text, routed.Entry.OccurredAt, routed.Entry.EventId, routed.Entry.Notice));

    private void AddInboxImports(TableWrites writes, List<InboxImport> imports)
    {
        foreach (var import in imports.OrderBy(i => i.UserId, StringComparer.Ordinal))
        {
            foreach (var item in import.Items.OrderBy(i => i.Sequence))
            {
                writes.Add(
                    """
                    INSERT INTO hub_inbox (user_id, sequence, event_id, kind, notice, initiative_id, title, text, occurred_at, route, day, month)
                    VALUES (@user_id, @sequence, @event_id, @kind, @notice, @initiative_id, @title, @text, @occurred_at, @route, @day, @month)
                    ON CONFLICT DO NOTHING
                    """,
                    [("sequence", item.Sequence), .. NoticeValues(import.UserId, item.EventId, item.Kind, item.Notice, item.InitiativeId, item.Title, item.Text, item.OccurredAt, NoticeRoute.Site)]);
            }
        }
    }

    private static void AddInboxErasures(TableWrites writes, List<InboxErasure> erasures)
    {
        foreach (var erasure in erasures.DistinctBy(e => e.UserId).OrderBy(e => e.UserId, StringComparer.Ordinal))
        {
            writes.Add("DELETE FROM hub_inbox WHERE user_id = @user_id", ("user_id", erasure.UserId));
        }
    }

    Task<IReadOnlyList<PrivateItem>> IInboxRows.Read(string userId, long afterSequence, int max, CancellationToken cancellationToken) =>
        Query(
            $"SELECT {InboxColumns} FROM hub_inbox WHERE user_id = @user_id AND sequence > @after ORDER BY sequence LIMIT @max",
            ReadPrivateItem, cancellationToken, ("user_id", userId), ("after", afterSequence), ("max", max));

    Task<IReadOnlyList<PrivateItem>> IInboxRows.Latest(string userId, int max, CancellationToken cancellationToken) =>
        Query(
            $"SELECT {InboxColumns} FROM hub_inbox WHERE user_id = @user_id ORDER BY sequence DESC LIMIT @max",
            ReadPrivateItem, cancellationToken, ("user_id", userId), ("max", max));

    private static PrivateItem ReadPrivateItem(DbDataReader reader) => new(
        reader.GetInt64(0), Enum.Parse<FeedItemKind>(reader.GetString(1)), ReadId(reader, 2), reader.GetString(3), reader.GetString(4),
        ReadMoment(reader, 5), reader.GetString(6), Enum.Parse<NoticeKind>(reader.GetString(7)));

    /// <summary>The values of an inbox row's columns but its number, from an entry or a stored item.</summary>
    private (string Name, object? Value)[] NoticeValues(string userId, string eventId, FeedItemKind kind, NoticeKind notice, Guid initiative, string title, string text, DateTimeOffset occurredAt, NoticeRoute route)
    {
        // The day and month in Dutch time, as the council's other figures count them.
        var day = Grains.Norms.WorkingDays.DayOf(occurredAt);
        return
        [
            ("user_id", userId), ("event_id", eventId), ("kind", kind.ToString()), ("notice", notice.ToString()),
            ("initiative_id", Id(initiative)), ("title", title), ("text", text), ("occurred_at", Moment(occurredAt)),
            ("route", route.ToString()), ("day", Day(day)), ("month", Grains.Index.OverviewFigures.MonthOf(day)),
        ];
    }
}
