using System.Data.Common;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Tests.Support;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Silo.Tests.Audit;

/// <summary>
/// The neighbourhood feeds, the people's inboxes and the officials' work queues as rows, on each database: the store gives
/// the numbers inside the grouped transaction (gapless per feed and per person), takes each event
/// once however often it is delivered, and a part of a group that the database refuses fails
/// alone while the rest is stored.
/// </summary>
public abstract class FeedAndInboxRowsTests
{
    protected abstract HubSiloSettings Settings { get; }

    protected abstract DbConnection Open();

    /// <summary>SQL that makes the database refuse every notice for <paramref name="userId"/>.</summary>
    protected abstract string RefuseInboxOf(string userId);

    /// <summary>SQL that, in a transaction of its own, makes the tables' writer wait until that transaction ends.</summary>
    protected abstract string HoldWrites { get; }

    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static FeedEntry Entry(Guid initiative, int eventNumber, string title) =>
        new(initiative, eventNumber, FeedItemKind.StatusChanged, title, $"Stap {eventNumber}", Morning.AddMinutes(eventNumber));

    private static FeedItem Item(string neighbourhood, long sequence, FeedEntry entry) =>
        new(neighbourhood, sequence, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId);

    private static PrivateEntry Notice(string userId, Guid initiative, int n) =>
        new(userId, FeedItemKind.InputAnswered, initiative, "Speeltuin", $"Antwoord {n}", Morning.AddMinutes(n), $"{initiative:N}:answer:{n}", NoticeKind.Answers);

    /// <summary>Appends notices that reach the person on the site only.</summary>
    private static Task<IReadOnlyList<PrivateItem?>> OnSite(IInboxRows inboxes, string userId, IReadOnlyList<PrivateEntry> entries) =>
        inboxes.Append(userId, entries, [.. entries.Select(_ => NoticeRoute.Site)]);

    private static PrivateItem Received(long sequence, PrivateEntry entry) =>
        new(sequence, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, entry.Notice);

    [Fact]
    public async Task Feed_entries_are_numbered_per_neighbourhood_and_a_repeated_or_older_event_is_not_appended_again()
    {
        await using var tables = new SqlHubTables(Settings);
        IFeedRows feeds = tables;
        var (garden, party) = (Guid.NewGuid(), Guid.NewGuid());
        var (code, other) = (TestNames.Neighbourhood(), TestNames.Neighbourhood());

        var first = await Task.WhenAll(
            feeds.Append(code, [Entry(garden, 1, "Geveltuin"), Entry(party, 1, "Buurtfeest")]),
            feeds.Append(other, [Entry(Guid.NewGuid(), 1, "Speeltuin")]));
        var again = await feeds.Append(code, [Entry(garden, 1, "Geveltuin"), Entry(garden, 2, "Geveltuin"), Entry(party, 1, "Buurtfeest")]);
        var older = await feeds.Append(code, [Entry(garden, 1, "Geveltuin")]);

        first[0].Should().Equal(Item(code, 1, Entry(garden, 1, "Geveltuin")), Item(code, 2, Entry(party, 1, "Buurtfeest")));
        first[1].Select(i => i!.Sequence).Should().Equal(1L);
        again.Should().Equal(null, Item(code, 3, Entry(garden, 2, "Geveltuin")), null);
        older.Should().Equal([null]);
        (await feeds.Read(code, 0, 10)).Should().Equal(first[0][0]!, first[0][1]!, again[1]!);
        (await feeds.Read(code, 1, 1)).Should().Equal(first[0][1]!);
        (await feeds.Latest(code, 2)).Should().Equal(again[1]!, first[0][1]!);
        (await feeds.Initiatives(code)).Should().BeEquivalentTo([garden, party]);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_feed_get_every_number_once_without_a_gap()
    {
        await using var tables = new SqlHubTables(Settings);
        IFeedRows feeds = tables;
        var code = TestNames.Neighbourhood();

        var items = await Task.WhenAll(Enumerable.Range(1, 60).Select(n => feeds.Append(code, [Entry(Guid.NewGuid(), 1, $"Plan {n}")])));

        items.Select(i => i[0]!.Sequence).Order().Should().Equal(Enumerable.Range(1, 60).Select(n => (long)n));
        (await feeds.Read(code, 0, 100)).Should().BeEquivalentTo(items.Select(i => i[0]));
    }

    [Fact]
    public async Task Imported_items_keep_their_numbers_once_and_the_feed_goes_on_after_them()
    {
        await using var tables = new SqlHubTables(Settings);
        IFeedRows feeds = tables;
        var code = TestNames.Neighbourhood();
        var (bench, garden) = (Guid.NewGuid(), Guid.NewGuid());
        // Version 1 of the feed wrote event ids without numbers: its one event per initiative, the submission.
        var version1 = new FeedItem(code, 1, FeedItemKind.InitiativeSubmitted, bench, "Bankje", "Nieuw.", Morning, $"{bench:N}:submitted");
        var version2 = Item(code, 2, Entry(garden, 3, "Geveltuin"));

        await feeds.Import([version1, version2]);
        await feeds.Import([version1, version2]);
        var next = await feeds.Append(code, [Entry(bench, 1, "Bankje"), Entry(garden, 3, "Geveltuin"), Entry(garden, 4, "Geveltuin")]);

        next.Should().Equal(null, null, Item(code, 3, Entry(garden, 4, "Geveltuin")));
        (await feeds.Read(code, 0, 10)).Should().Equal(version1, version2, next[2]!);
    }

    [Fact]
    public async Task Notices_are_numbered_per_person_and_an_event_a_person_has_is_not_added_again()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        var initiative = Guid.NewGuid();
        var (resident, official) = ($"resident-{Guid.NewGuid():N}", $"official-{Guid.NewGuid():N}");

        var first = await Task.WhenAll(
            OnSite(inboxes, resident, [Notice(resident, initiative, 1), Notice(resident, initiative, 2)]),
            OnSite(inboxes, official, [Notice(official, initiative, 1)]));
        var again = await OnSite(inboxes, resident, [Notice(resident, initiative, 2), Notice(resident, initiative, 3)]);

        first[0].Should().Equal(Received(1, Notice(resident, initiative, 1)), Received(2, Notice(resident, initiative, 2)));
        first[1].Should().Equal(Received(1, Notice(official, initiative, 1)));
        again.Should().Equal(null, Received(3, Notice(resident, initiative, 3)));
        (await inboxes.Read(resident, 1, 10)).Should().Equal(first[0][1]!, again[1]!);
        (await inboxes.Latest(resident, 2)).Should().Equal(again[1]!, first[0][1]!);
    }

    [Fact]
    public async Task An_imported_inbox_keeps_its_numbers_and_forgetting_a_person_erases_only_theirs()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        var initiative = Guid.NewGuid();
        var (resident, other) = ($"resident-{Guid.NewGuid():N}", $"resident-{Guid.NewGuid():N}");
        var kept = Received(7, Notice(resident, initiative, 7));

        await inboxes.Import(resident, [kept]);
        await inboxes.Import(resident, [kept]);
        var next = await OnSite(inboxes, resident, [Notice(resident, initiative, 7), Notice(resident, initiative, 8)]);
        await OnSite(inboxes, other, [Notice(other, initiative, 1)]);
        await inboxes.Forget(resident);

        next.Should().Equal(null, Received(8, Notice(resident, initiative, 8)));
        (await inboxes.Read(resident, 0, 10)).Should().BeEmpty();
        (await inboxes.Read(other, 0, 10)).Should().Equal(Received(1, Notice(other, initiative, 1)));
    }

    [Fact]
    public async Task A_work_queue_holds_exactly_the_items_last_stored_per_initiative()
    {
        await using var tables = new SqlHubTables(Settings);
        IWorkQueueRows queues = tables;
        var (official, other) = ($"official-{Guid.NewGuid():N}", $"official-{Guid.NewGuid():N}");
        var (garden, party) = (Guid.NewGuid(), Guid.NewGuid());
        var step = new WorkItem(garden, "Geveltuin", InitiativeStatus.Exploring, new DateOnly(2026, 3, 9));
        var question = new WorkItem(garden, "Geveltuin", InitiativeStatus.Exploring, new DateOnly(2026, 3, 6), 2);
        var later = step with { Step = InitiativeStatus.WorkingOut, Due = new DateOnly(2026, 4, 1) };

        await Task.WhenAll(
            queues.Store(official, garden, [step, question]),
            queues.Store(official, party, [new WorkItem(party, "Buurtfeest", InitiativeStatus.Submitted, null)]),
            queues.Store(other, party, [new WorkItem(party, "Buurtfeest", InitiativeStatus.Submitted, null)]));
        await queues.Store(official, garden, [later]);
        await queues.Store(official, garden, [later]);
        await queues.Store(official, party, []);

        (await queues.Load(official)).Should().Equal(later);
        (await queues.Load(other)).Should().Equal(new WorkItem(party, "Buurtfeest", InitiativeStatus.Submitted, null));
    }

    [Fact]
    public async Task A_part_the_database_refuses_fails_alone_and_the_rest_of_its_group_is_stored()
    {
        var refused = $"refused-{Guid.NewGuid():N}";
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = RefuseInboxOf(refused);
            command.ExecuteNonQuery();
        }

        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        var initiative = Guid.NewGuid();
        var code = TestNames.Neighbourhood();
        var audit = new AuditEntry(Morning, "user-1", "Naam 1", "changeStatus", initiative, AuditOutcome.Done, $"{initiative:N}:1");

        // The writer waits on a first group while the parts queue behind it, so they share the next one.
        Task[] parts;
        using (var holder = Open())
        using (var hold = holder.CreateCommand())
        {
            hold.CommandText = HoldWrites;
            hold.ExecuteNonQuery();
            var first = tables.Append(new AuditEntry(Morning, "user-0", "Naam 0", "giveInput", null, AuditOutcome.Done));
            parts =
            [
                ((IFeedRows)tables).Append(code, [Entry(initiative, 1, "Speeltuin")]),
                OnSite(inboxes, refused, [Notice(refused, initiative, 1)]),
                tables.Deliver(new TableDelivery(initiative, [audit], ["user-1"], null)),
                OnSite(inboxes, "user-1", [Notice("user-1", initiative, 1)]),
                first,
            ];
            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }

        var outcomes = await Task.WhenAll(parts.Select(async p =>
        {
            try
            {
                await p;
                return "stored";
            }
            catch (DbException)
            {
                return "refused";
            }
        }));

        outcomes.Should().Equal("stored", "refused", "stored", "stored", "stored");
        (await ((IFeedRows)tables).Read(code, 0, 10)).Select(i => i.Sequence).Should().Equal(1L);
        (await inboxes.Read("user-1", 0, 10)).Select(i => i.EventId).Should().Equal($"{initiative:N}:answer:1");
        (await tables.Read(new DateOnly(2026, 3, 2))).Should().Contain(audit);
        (await inboxes.Read(refused, 0, 10)).Should().BeEmpty();
    }
}

public sealed class SqliteFeedAndInboxRowsTests : FeedAndInboxRowsTests, IDisposable
{
    private readonly SqliteTablesDatabase _database = new();

    protected override HubSiloSettings Settings => _database.Settings;

    protected override DbConnection Open() => _database.Open();

    protected override string RefuseInboxOf(string userId) => $"""
        CREATE TRIGGER refuse_inbox BEFORE INSERT ON hub_inbox WHEN NEW.user_id = '{userId}'
        BEGIN SELECT RAISE(ABORT, 'this person takes no notices'); END;
        """;

    protected override string HoldWrites => "BEGIN IMMEDIATE;";

    public void Dispose() => _database.Dispose();
}

public sealed class PostgreSqlFeedAndInboxRowsTests(PostgresServer server) : FeedAndInboxRowsTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private PostgreSqlTablesDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgreSqlTablesDatabase.Create(server);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override HubSiloSettings Settings => _database.Settings;

    protected override DbConnection Open() => _database.Open();

    protected override string RefuseInboxOf(string userId) => $$"""
        CREATE FUNCTION refuse_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'this person takes no notices'; END $$;
        CREATE TRIGGER refuse_inbox BEFORE INSERT ON hub_inbox FOR EACH ROW
        WHEN (NEW.user_id = '{{userId}}') EXECUTE FUNCTION refuse_inbox();
        """;

    protected override string HoldWrites => "BEGIN; LOCK TABLE hub_audit IN ACCESS EXCLUSIVE MODE;";
}
