using System.Data.Common;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Delivery;
using Haarlem.Initiatives.Silo.Tests.Support;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Silo.Tests.Audit;

/// <summary>
/// The hub's tables on each database: the audit trail (appends in order, read per day, never
/// changed), and the delivery from the initiatives' outboxes (audit lines, the person data index,
/// the pending ledger), where a repeated delivery changes nothing, and the neighbourhood
/// indexes' summary rows, which only a higher revision replaces.
/// </summary>
public abstract class AuditLogTests
{
    protected abstract HubSiloSettings Settings { get; }

    protected abstract DbConnection Open();

    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(int n, DateTimeOffset at, Guid? initiative = null) =>
        new(at, $"user-{n}", $"Naam {n}", n % 2 == 0 ? "changeStatus" : "giveInput", initiative, n % 3 == 0 ? AuditOutcome.Denied : AuditOutcome.Done);

    [Fact]
    public async Task Concurrent_appends_are_all_stored_and_read_back_per_day_in_the_order_they_were_stored()
    {
        await using var log = new SqlHubTables(Settings);
        var initiative = Guid.NewGuid();
        var entries = Enumerable.Range(1, 40).Select(n => Entry(n, Morning.AddSeconds(n), n % 4 == 0 ? initiative : null)).ToList();

        await Task.WhenAll(entries.Select(e => log.Append(e)));
        await log.Append(Entry(99, Morning.AddDays(1)));
        var day = await log.Read(new DateOnly(2026, 3, 2));
        var next = await log.Read(new DateOnly(2026, 3, 3));

        // Appends enter the writer's queue in call order, and one writer stores them in that order.
        day.Should().Equal(entries);
        next.Should().Equal(Entry(99, Morning.AddDays(1)));
    }

    [Fact]
    public async Task A_delivery_repeated_stores_each_audit_line_and_person_link_once()
    {
        await using var tables = new SqlHubTables(Settings);
        var initiative = Guid.NewGuid();
        var line = new AuditEntry(Morning, "user-1", "Naam 1", "submitInitiative", initiative, AuditOutcome.Done, $"{initiative:N}:1");
        var delivery = new TableDelivery(initiative, [line], ["user-1"], 1);

        await tables.Deliver(delivery);
        await tables.Deliver(delivery);
        await Task.WhenAll(tables.Deliver(delivery), tables.Deliver(delivery));

        (await tables.Read(new DateOnly(2026, 3, 2))).Should().Equal(line);
        (await tables.Initiatives("user-1")).Should().Equal(initiative);
        (await tables.Initiatives("user-2")).Should().BeEmpty();
    }

    [Fact]
    public async Task Forgetting_a_person_removes_them_from_the_person_index_only()
    {
        await using var tables = new SqlHubTables(Settings);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await tables.Deliver(new TableDelivery(first, [], ["user-1", "user-2"], null));
        await tables.Deliver(new TableDelivery(second, [], ["user-1"], null));

        await tables.Forget("user-1");

        (await tables.Initiatives("user-1")).Should().BeEmpty();
        (await tables.Initiatives("user-2")).Should().Equal(first);
    }

    [Fact]
    public async Task A_ledger_entry_is_dropped_by_a_delivery_of_its_version_or_later_and_kept_by_an_older_one()
    {
        await using var tables = new SqlHubTables(Settings);
        var (kept, dropped, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Pend(kept, version: 3);
        Pend(dropped, version: 3);
        Pend(later, version: 3);

        await tables.Deliver(new TableDelivery(kept, [], [], 2));
        await tables.Deliver(new TableDelivery(dropped, [], [], 3));
        await tables.Deliver(new TableDelivery(later, [], [], 4));

        (await tables.Pending(TimeSpan.Zero, 10)).Should().Equal(kept);
    }

    [Fact]
    public async Task The_ledger_lists_only_entries_older_than_asked_oldest_first_at_most_as_many_as_asked()
    {
        await using var tables = new SqlHubTables(Settings);
        var (oldest, older, fresh) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Pend(older, version: 1, secondsAgo: 60);
        Pend(oldest, version: 1, secondsAgo: 120);
        Pend(fresh, version: 1, secondsAgo: 0);

        (await tables.Pending(TimeSpan.FromSeconds(30), 10)).Should().Equal(oldest, older);
        (await tables.Pending(TimeSpan.FromSeconds(30), 1)).Should().Equal(oldest);
    }

    [Fact]
    public async Task The_sweep_at_a_nodes_start_takes_every_ledger_entry_and_later_sweeps_only_entries_older_than_five_seconds()
    {
        await using var tables = new SqlHubTables(Settings);
        var (beforeTheCrash, justNow) = (Guid.NewGuid(), Guid.NewGuid());
        Pend(beforeTheCrash, version: 1, secondsAgo: 60);
        Pend(justNow, version: 1, secondsAgo: 0);
        var leftBehind = new LeftBehind(tables);

        var atStart = await leftBehind.Next();
        var later = await leftBehind.Next();

        atStart.Should().Equal(beforeTheCrash, justNow);
        later.Should().Equal(beforeTheCrash);
    }

    [Fact]
    public async Task The_ledger_says_how_many_initiatives_wait_and_how_old_the_oldest_is()
    {
        await using var tables = new SqlHubTables(Settings);
        var empty = await tables.Waiting();
        Pend(Guid.NewGuid(), version: 1, secondsAgo: 150);
        Pend(Guid.NewGuid(), version: 2, secondsAgo: 60);
        Pend(Guid.NewGuid(), version: 1, secondsAgo: 0);

        var (count, oldest) = await tables.Waiting();

        empty.Should().Be((0L, TimeSpan.Zero));
        // By the database's clock, a moment after the rows were written: two and a half minutes.
        (count, (int)oldest.TotalMinutes).Should().Be((3L, 2));
    }

    private static InitiativeSummary Summary(Guid id, long revision, string neighbourhood, string title) =>
        new(id, revision, neighbourhood, title, Theme.Green, InitiativeStatus.Decision, Morning, "official-7", "Fatima el Amrani", new DateOnly(2026, 3, 9),
            [new StepLeadTime(InitiativeStatus.Exploring, new DateOnly(2026, 3, 4), 2, 5)],
            [new AnswerTime(new DateOnly(2026, 3, 5), 1, true)],
            [new RatingFigure(new DateOnly(2026, 3, 6), 8, new KanoScores(5, 4, 4, 3, 5, 4, 2))],
            [new PublishedText(new DateOnly(2026, 3, 2), false)],
            new GeoPoint(52.381234, 4.636789));

    [Fact]
    public async Task Index_summaries_read_back_whole_per_neighbourhood_and_only_a_higher_revision_replaces_one()
    {
        await using var tables = new SqlHubTables(Settings);
        var (garden, party, elsewhere) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await Task.WhenAll(
            tables.Store("centrum", [Summary(garden, 2, "centrum", "Geveltuin"), Summary(party, 1, "centrum", "Buurtfeest")]),
            tables.Store("schalkwijk", [Summary(elsewhere, 1, "schalkwijk", "Speeltuin")]));
        await tables.Store("centrum", [Summary(garden, 1, "centrum", "Geveltuin (oud)"), Summary(party, 3, "centrum", "Buurtfeest op het plein")]);
        await tables.Store("centrum", [Summary(party, 3, "centrum", "Buurtfeest herhaald")]);

        (await tables.Load("centrum")).OrderBy(s => s.Title, StringComparer.Ordinal).Should().BeEquivalentTo(
            [Summary(party, 3, "centrum", "Buurtfeest op het plein"), Summary(garden, 2, "centrum", "Geveltuin")],
            options => options.WithStrictOrdering());
        (await tables.Load("schalkwijk")).Should().BeEquivalentTo([Summary(elsewhere, 1, "schalkwijk", "Speeltuin")]);
        (await tables.Load("zuid")).Should().BeEmpty();
    }

    [Fact]
    public async Task Index_summaries_and_deliveries_stored_at_once_share_a_group_and_are_all_stored()
    {
        await using var tables = new SqlHubTables(Settings);
        var ids = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select((id, n) => n % 2 == 0
            ? tables.Store($"wijk-{n % 3}", [Summary(id, n, $"wijk-{n % 3}", $"Initiatief {n}")])
            : tables.Deliver(new TableDelivery(id, [], [$"user-{n}"], null))));

        var stored = new List<InitiativeSummary>();
        foreach (var code in new[] { "wijk-0", "wijk-1", "wijk-2" })
        {
            stored.AddRange(await tables.Load(code));
        }

        stored.Select(s => s.Id).Should().BeEquivalentTo(ids.Where((_, n) => n % 2 == 0));
        (await tables.Initiatives("user-59")).Should().Equal(ids[59]);
    }

    /// <summary>What the storage trigger writes when an initiative's state is stored (tested with the provider's query in Schema).</summary>
    private void Pend(Guid initiative, int version, int secondsAgo = 10)
    {
        var (n0, n1) = LedgerKey.From(initiative);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO hub_delivery_pending (ServiceId, GrainIdN0, GrainIdN1, Version, ModifiedOn) VALUES (@service, @n0, @n1, @version, @at)";
        var at = DateTimeOffset.UtcNow.AddSeconds(-secondsAgo);
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("service", Settings.ServiceId), ("n0", n0), ("n1", n1), ("version", version),
                     ("at", Settings.Provider == StorageProvider.Sqlite ? at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) : at),
                 })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        command.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("UPDATE hub_audit SET user_name = 'iemand anders'")]
    [InlineData("DELETE FROM hub_audit")]
    public async Task The_table_refuses_to_change_or_remove_an_entry(string statement)
    {
        await using (var log = new SqlHubTables(Settings))
        {
            await log.Append(Entry(1, Morning));
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        var change = () => command.ExecuteNonQuery();

        change.Should().Throw<DbException>().Which.Message.Should().Contain("the audit trail is append-only");
        await using var reader = new SqlHubTables(Settings);
        (await reader.Read(new DateOnly(2026, 3, 2))).Should().Equal(Entry(1, Morning));
    }
}

public sealed class SqliteAuditLogTests : AuditLogTests, IDisposable
{
    private readonly SqliteTablesDatabase _database = new();

    protected override HubSiloSettings Settings => _database.Settings;

    protected override DbConnection Open() => _database.Open();

    public void Dispose() => _database.Dispose();
}

public sealed class PostgreSqlHubTablesTests(PostgresServer server) : AuditLogTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private PostgreSqlTablesDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgreSqlTablesDatabase.Create(server);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override HubSiloSettings Settings => _database.Settings;

    protected override DbConnection Open() => _database.Open();
}
