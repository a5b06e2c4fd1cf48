using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Tests.Support;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Silo.Tests.Audit;

/// <summary>
/// The desk's tables on each database: a notice stored for a resident who chose letters or calls
/// is queued by the database in the same transaction (once, however often it is delivered), a
/// post run takes every waiting letter exactly once and is marked posted once, a call's outcome
/// is recorded and a call not answered comes back the next working day, the notices are counted
/// per route, and the directory finds residents and uses each take-over code once.
/// </summary>
public abstract class DeskTablesTests
{
    protected abstract HubSiloSettings Settings { get; }

    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static PrivateEntry Notice(string userId, Guid initiative, int n, NoticeKind kind = NoticeKind.OwnInitiative) =>
        new(userId, FeedItemKind.StatusChanged, initiative, "Bankje bij de bushalte", $"Stap {n}", Morning.AddMinutes(n), $"{initiative:N}:status:{n}", kind);

    private static string Resident() => $"balie-{Guid.NewGuid():N}";

    [Fact]
    public async Task Letters_wait_once_a_run_takes_each_once_and_a_run_is_marked_posted_once()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        IPostRoom post = tables;
        var (truus, piet) = (Resident(), Resident());
        var initiative = Guid.NewGuid();

        await inboxes.Append(truus, [Notice(truus, initiative, 1), Notice(truus, initiative, 2)], [NoticeRoute.Letter, NoticeRoute.Site]);
        await inboxes.Append(piet, [Notice(piet, initiative, 1)], [NoticeRoute.Letter]);
        await inboxes.Append(truus, [Notice(truus, initiative, 1)], [NoticeRoute.Letter]); // delivered again
        var waiting = await post.Waiting();
        var run = await post.StartRun("Bea Balie", Morning.AddHours(1));
        var emptyRun = await post.StartRun("Bea Balie", Morning.AddHours(1));
        await inboxes.Append(truus, [Notice(truus, initiative, 3)], [NoticeRoute.Letter]);
        var next = await post.StartRun("Bea Balie", Morning.AddDays(1));
        var posted = await post.MarkPosted(run!.Id, "Bea Balie", Morning.AddHours(2));
        var postedAgain = await post.MarkPosted(run.Id, "Kees Jansen", Morning.AddHours(3));

        // Queued at the same moment, the letters wait in the order of the residents' ids.
        waiting.Select(w => (w.UserId, w.EventId, w.Sequence, w.RunId)).Should().Equal(
            new[] { truus, piet }.Order(StringComparer.Ordinal).Select(user => (user, $"{initiative:N}:status:1", 1L, (long?)null)));
        run.Should().Be(new PostRun(run.Id, Morning.AddHours(1), "Bea Balie", 2, null, null));
        emptyRun.Should().BeNull();
        (await post.InRun(run.Id)).Select(n => (n.UserId, n.Sequence, n.RunId)).Should().BeEquivalentTo([(truus, 1L, (long?)run.Id), (piet, 1L, (long?)run.Id)]);
        (await post.InRun(next!.Id)).Select(n => (n.UserId, n.Sequence)).Should().Equal((truus, 3L));
        (posted, postedAgain).Should().Be((true, false));
        (await post.Run(run.Id)).Should().Be(new PostRun(run.Id, Morning.AddHours(1), "Bea Balie", 2, Morning.AddHours(2), "Bea Balie"));
        (await post.Runs(10)).Select(r => r.Id).Should().Equal(next.Id, run.Id);
        (await post.Waiting()).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_desk_workers_starting_a_run_at_once_get_each_letter_in_one_run_only()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        IPostRoom post = tables;
        var residents = Enumerable.Range(0, 20).Select(_ => Resident()).ToList();
        foreach (var resident in residents)
        {
            await inboxes.Append(resident, [Notice(resident, Guid.NewGuid(), 1)], [NoticeRoute.Letter]);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => post.StartRun("Bea Balie", Morning)));

        var made = runs.Where(r => r is not null).ToList();
        var letters = new List<LetterNotice>();
        foreach (var run in made)
        {
            letters.AddRange(await post.InRun(run!.Id));
        }

        made.Sum(r => r!.Notices).Should().Be(20);
        letters.Select(l => l.UserId).Should().BeEquivalentTo(residents).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_call_not_answered_comes_back_on_the_day_given_and_a_call_answered_is_closed_with_its_outcome()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        ICallQueue calls = tables;
        var truus = Resident();
        var initiative = Guid.NewGuid();
        var notice = Notice(truus, initiative, 1);

        await inboxes.Append(truus, [notice, Notice(truus, initiative, 2)], [NoticeRoute.Phone, NoticeRoute.Letter]);
        await inboxes.Append(truus, [notice], [NoticeRoute.Phone]);
        var due = (await calls.Due(Monday)).Where(c => c.UserId == truus).ToList();
        var notReached = await calls.Record(truus, notice.EventId, CallOutcome.NotReached, Monday.AddDays(1), "Bea Balie", Morning.AddHours(1));
        var dueMonday = (await calls.Due(Monday)).Where(c => c.UserId == truus).ToList();
        var dueTuesday = (await calls.Due(Monday.AddDays(1))).Where(c => c.UserId == truus).ToList();
        var reached = await calls.Record(truus, notice.EventId, CallOutcome.Reached, Monday.AddDays(2), "Kees Jansen", Morning.AddDays(1));
        var again = await calls.Record(truus, notice.EventId, CallOutcome.NotReached, Monday.AddDays(3), "Bea Balie", Morning.AddDays(1).AddHours(1));
        var unknown = await calls.Record(truus, "nothing", CallOutcome.Reached, Monday, "Bea Balie", Morning);

        due.Should().Equal(new CallTask(truus, notice.EventId, 1, Morning.AddMinutes(1), Monday, 0, null, null, null, null));
        notReached.Should().BeTrue();
        dueMonday.Should().BeEmpty();
        dueTuesday.Should().Equal(new CallTask(truus, notice.EventId, 1, Morning.AddMinutes(1), Monday.AddDays(1), 1, null, CallOutcome.NotReached, "Bea Balie", Morning.AddHours(1)));
        (reached, again, unknown).Should().Be((true, false, false));
        (await calls.Find(truus, notice.EventId)).Should().Be(
            new CallTask(truus, notice.EventId, 1, Morning.AddMinutes(1), Monday.AddDays(1), 2, Morning.AddDays(1), CallOutcome.Reached, "Kees Jansen", Morning.AddDays(1)));
        (await calls.Due(Monday.AddDays(5))).Where(c => c.UserId == truus).Should().BeEmpty();
    }

    [Fact]
    public async Task Notices_are_counted_once_per_route_and_month()
    {
        await using var tables = new SqlHubTables(Settings);
        IInboxRows inboxes = tables;
        var (truus, piet) = (Resident(), Resident());
        var initiative = Guid.NewGuid();
        var april = Notice(piet, initiative, 2) with { OccurredAt = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero) };

        await inboxes.Append(truus, [Notice(truus, initiative, 1), Notice(truus, initiative, 2), Notice(truus, initiative, 3), Notice(truus, initiative, 4)],
            [NoticeRoute.Site, NoticeRoute.Email, NoticeRoute.Letter, NoticeRoute.Phone]);
        await inboxes.Append(truus, [Notice(truus, initiative, 3)], [NoticeRoute.Letter]);
        await inboxes.Append(piet, [Notice(piet, initiative, 1), april], [NoticeRoute.Letter, NoticeRoute.Letter]);

        var march = Grains.Index.OverviewFigures.MonthOf(Monday);
        (await inboxes.CountByRoute(march, march)).Should().BeEquivalentTo(new Dictionary<NoticeRoute, int>
        {
            [NoticeRoute.Site] = 1, [NoticeRoute.Email] = 1, [NoticeRoute.Letter] = 2, [NoticeRoute.Phone] = 1,
        });
        (await inboxes.CountByRoute(march, march + 1))[NoticeRoute.Letter].Should().Be(3);
    }

    [Fact]
    public async Task The_directory_finds_residents_by_name_without_accents_or_by_address_and_uses_each_code_once()
    {
        await using var tables = new SqlHubTables(Settings);
        IResidentDirectory directory = tables;
        var (truus, piet) = (Resident(), Resident());
        await directory.Store(new ResidentListing(truus, "Truus de Wít-Özdemir", "2023 CD", "12a", "Kleverparkweg"));
        await directory.Store(new ResidentListing(piet, "Piet Wit", "2023 CD", "14", "Kleverparkweg"));
        await directory.Store(new ResidentListing(piet, "Piet de Wit", "2023 CD", "14", "Kleverparkweg")); // changed: one row still

        var byName = await directory.Find("WIT", null, null, 10);
        var byAccent = await directory.Find("özdemir", null, null, 10);
        var byPostcode = await directory.Find(null, "2023cd", null, 10);
        var byAddress = await directory.Find(null, "2023 CD", "12A", 10);
        var limited = await directory.Find(null, "2023 CD", null, 1);

        await directory.StoreCode("HASH-1", truus, Morning.AddDays(365));
        await directory.StoreCode("HASH-2", truus, Morning.AddDays(365)); // a new code replaces the unused one
        var used = await directory.UseCode("HASH-2", "resident:abc", Morning.AddHours(1));
        var usedAgain = await directory.UseCode("HASH-2", "resident:def", Morning.AddHours(2));

        byName.Select(r => r.Name).Should().Equal("Piet de Wit", "Truus de Wít-Özdemir");
        byAccent.Select(r => r.UserId).Should().Equal(truus);
        byPostcode.Select(r => r.UserId).Should().Equal(piet, truus);
        byAddress.Should().Equal(new ResidentListing(truus, "Truus de Wít-Özdemir", "2023 CD", "12a", "Kleverparkweg"));
        limited.Should().HaveCount(1);
        (await directory.FindCode("HASH-1")).Should().BeNull();
        (used, usedAgain).Should().Be((true, false));
        (await directory.FindCode("HASH-2")).Should().Be(new TakeOverCodeFacts(truus, Morning.AddDays(365), Morning.AddHours(1)));
    }
}

public sealed class SqliteDeskTablesTests : DeskTablesTests, IDisposable
{
    private readonly SqliteTablesDatabase _database = new();

    protected override HubSiloSettings Settings => _database.Settings;

    public void Dispose() => _database.Dispose();
}

public sealed class PostgreSqlDeskTablesTests(PostgresServer server) : DeskTablesTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private PostgreSqlTablesDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgreSqlTablesDatabase.Create(server);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override HubSiloSettings Settings => _database.Settings;
}
