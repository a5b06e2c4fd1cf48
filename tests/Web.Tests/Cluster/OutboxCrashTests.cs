using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>
/// One commit point per change, tested as real processes: 16 writers submit initiatives and move
/// them to their next step; a node is killed with SIGKILL after at least 1,000 acknowledged changes
/// and started again. Then, without anyone touching an initiative, every acknowledged change is in
/// the store, exactly once in its neighbourhood's feed (gapless, in order per initiative), in the
/// index and the council's overview, in the audit trail, and its notice in the initiator's inbox
/// exactly once; nothing unacknowledged is half-visible.
/// </summary>
public sealed class OutboxCrashTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Writers = 16;
    private const int KillAfter = 1000;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one initiative's read may keep failing: a read routed to the killed node right after
    /// the restart can wait out Orleans' response timeout (30 s) once before it is routed again, so
    /// a single attempt may take all of <see cref="Within"/>; the read is then asked again.
    /// </summary>
    private static readonly TimeSpan ReadWithin = Within + Within + TimeSpan.FromSeconds(15);
    private static readonly string[] Neighbourhoods = ["europawijk", "parkwijk", "vijfhoek", "rozenprieel"];
    private static readonly Actor Coordinator = new("official:crash-coordinator", "Kees Jansen", new HashSet<HubRole> { HubRole.Official, HubRole.Coordinator });
    private static readonly Actor Admin = new("admin:crash", "Beheer", new HashSet<HubRole> { HubRole.Admin, HubRole.Council });
    private readonly TempFolder _folder = new();

    private const string SubmitQuery = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { code } } }";
    private const string StatusQuery = "mutation($input: ChangeStatusInput!) { changeStatus(input: $input) { initiative { id } errors { code } } }";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static Actor Initiator(int writer) => new($"crash-initiator-{writer}", $"Bewoner {writer}", new HashSet<HubRole> { HubRole.Resident });

    /// <summary>What the writers were told succeeded.</summary>
    private sealed class Acknowledged
    {
        public ConcurrentDictionary<string, (int Writer, string Neighbourhood, string Title)> Submitted { get; } = new();

        public ConcurrentDictionary<string, string> Moved { get; } = new(); // initiative id -> explanation

        public int Count => Submitted.Count + Moved.Count;
    }

    [Fact]
    public async Task PostgreSql_two_nodes_one_killed_after_1000_acknowledged_changes_every_change_is_delivered_exactly_once_without_anyone_touching_it()
    {
        var database = await postgres.CreateDatabase();
        var clusterId = $"outbox-{Guid.NewGuid():N}";
        var settingsA = HubSettings.PostgreSql(database, clusterId);
        var settingsB = HubSettings.PostgreSql(database, clusterId);
        var nodeA = await HubProcess.Start(settingsA);
        await using var nodeB = await HubProcess.Start(settingsB);

        var acknowledged = await Load(writer => writer % 2 == 0 ? nodeA : nodeB, nodeA);
        await nodeA.DisposeAsync();
        await using var restarted = await HubProcess.Start(settingsA);

        await WithLogs(() => Check(restarted, acknowledged), ("node B", nodeB), ("node A, restarted", restarted));
    }

    [Fact]
    public async Task Sqlite_one_node_killed_mid_load_every_acknowledged_change_is_delivered_exactly_once_after_the_restart()
    {
        var settings = HubSettings.Sqlite(_folder.File("hub.db"));
        var node = await HubProcess.Start(settings);

        var acknowledged = await Load(_ => node, node);
        await node.DisposeAsync();
        await using var restarted = await HubProcess.Start(settings);

        await WithLogs(() => Check(restarted, acknowledged), ("the node, restarted", restarted));
    }

    /// <summary>Runs <paramref name="check"/>; when it fails, the nodes' own logs go to the test's output.</summary>
    private async Task WithLogs(Func<Task> check, params (string Name, HubProcess Node)[] nodes)
    {
        try
        {
            await check();
        }
        catch
        {
            foreach (var (name, node) in nodes)
            {
                output.WriteLine($"--- the log of {name} ---");
                output.WriteLine(node.Output);
            }

            throw;
        }
    }

    /// <summary>16 writers: each submits, then moves its previous initiative to Exploring; <paramref name="victim"/> is killed after <see cref="KillAfter"/> acknowledged changes.</summary>
    private async Task<Acknowledged> Load(Func<int, HubProcess> nodeOf, HubProcess victim)
    {
        var acknowledged = new Acknowledged();
        var killed = 0;
        var clock = Stopwatch.StartNew();

        async Task Write(int writer)
        {
            var node = nodeOf(writer);
            var initiator = await node.GraphQL().SignIn(Initiator(writer));
            var coordinator = await node.GraphQL().SignIn(Coordinator);
            string? previous = null;
            for (var n = 0; Volatile.Read(ref killed) == 0; n++)
            {
                try
                {
                    var neighbourhood = Neighbourhoods[(writer + n) % Neighbourhoods.Length];
                    var title = $"Plan {writer}-{n}";
                    var submitted = await initiator.Send(SubmitQuery, new { input = new { title, neighbourhoodCode = neighbourhood, theme = "SOCIAL" } });
                    var id = submitted.Data?["submitInitiative"]?["initiative"]?["id"]?.GetValue<string>();
                    if (id is not null)
                    {
                        acknowledged.Submitted[id] = (writer, neighbourhood, title);
                    }

                    if (previous is not null)
                    {
                        var explanation = $"We hebben met u gepraat over plan {writer}-{n - 1}.";
                        var moved = await coordinator.Send(StatusQuery, new { input = new { initiativeId = previous, status = "EXPLORING", explanation } });
                        if (moved.Data?["changeStatus"]?["initiative"]?["id"] is not null && moved.Data["changeStatus"]!["errors"]!.AsArray().Count == 0)
                        {
                            acknowledged.Moved[previous] = explanation;
                        }
                    }

                    previous = id;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    // The node is gone or not yet recovered: this change was never acknowledged.
                    previous = null;
                }

                if (acknowledged.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await victim.Kill(); // while the other writers have requests in flight
                    output.WriteLine($"Killed after {acknowledged.Count} acknowledged changes in {clock.Elapsed.TotalSeconds:F1} s.");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(Write));
        output.WriteLine($"Acknowledged: {acknowledged.Submitted.Count} submissions, {acknowledged.Moved.Count} status changes.");
        acknowledged.Count.Should().BeGreaterThanOrEqualTo(KillAfter);
        return acknowledged;
    }

    /// <summary>What the restarted hub shows: the feeds, the council's overview and the audit trail.</summary>
    private sealed record Observed(Dictionary<string, List<FeedRow>> Feeds, JsonNode Overview, List<(string Action, string Id)> Done)
    {
        public List<FeedRow> All => [.. Feeds.Values.SelectMany(f => f)];

        public HashSet<string> InFeed(string kind) => All.Where(i => i.Kind == kind).Select(i => i.InitiativeId).ToHashSet();

        public int ByStatus(string status) =>
            Overview["byStatus"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() == status).Select(s => s!["count"]!.GetValue<int>()).SingleOrDefault();

        /// <summary>
        /// Every acknowledged change is in its feed, and the index and the audit trail hold what the
        /// feeds hold (changes committed but not acknowledged before the kill may still be on their way).
        /// </summary>
        public bool Settled(Acknowledged acknowledged)
        {
            var submitted = InFeed("INITIATIVE_SUBMITTED");
            var moved = InFeed("STATUS_CHANGED");
            return acknowledged.Submitted.Keys.All(submitted.Contains) && acknowledged.Moved.Keys.All(moved.Contains)
                && Overview["submitted"]!.GetValue<int>() == submitted.Count && ByStatus("EXPLORING") == moved.Count
                && Done.Count(l => l.Action == "submitInitiative") == submitted.Count && Done.Count(l => l.Action == "changeStatus") == moved.Count;
        }
    }

    private static async Task<Observed> Observe(GraphQLClient admin)
    {
        var feeds = new Dictionary<string, List<FeedRow>>();
        foreach (var code in Neighbourhoods)
        {
            feeds[code] = await WholeFeed(admin, code);
        }

        var overview = Answered(await admin.Send("{ overview { submitted byNeighbourhood { neighbourhood { code } count } byStatus { status count } } }"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var done = new List<(string Action, string Id)>();
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            var trail = Answered(await admin.Send("query($day: DateOnly!) { auditTrail(day: $day) { action initiativeId outcome } }", new { day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
            done.AddRange(trail["auditTrail"]!.AsArray().Select(l => l!)
                .Where(l => l["outcome"]!.GetValue<string>() == "DONE")
                .Select(l => (l["action"]!.GetValue<string>(), l["initiativeId"]!.GetValue<string>())));
        }

        return new Observed(feeds, overview["overview"]!, done);
    }

    /// <summary>
    /// The answer's data, or <see cref="NotAnswered"/> when the hub answered with errors: right
    /// after a node is killed, a grain that lived there answers only once the cluster has declared
    /// that node dead, and the query times out until then.
    /// </summary>
    private static JsonNode Answered(GraphQLResponse response) =>
        response.Errors is { Count: > 0 } errors || response.Data is null
            ? throw new NotAnswered(response.Body.ToJsonString())
            : response.Data;

    private sealed class NotAnswered(string body) : Exception(body);

    /// <summary>
    /// The initiative's stored title (null when the store has no such initiative). A read that
    /// errors (its grain lived on the killed node, which the cluster may not have declared dead
    /// yet) says nothing about the store, so it is asked again, for at most <see cref="ReadWithin"/>.
    /// </summary>
    private async Task<string?> StoredTitle(GraphQLClient admin, string id)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (true)
        {
            var response = await admin.Send("query($id: ID!) { initiative(id: $id) { title } }", new { id });
            try
            {
                return Answered(response)["initiative"]?["title"]?.GetValue<string>();
            }
            catch (NotAnswered refused) when (clock.Elapsed < ReadWithin)
            {
                output.WriteLine($"The read of initiative {id} was not answered after {clock.Elapsed.TotalSeconds:F1} s; asked again: {refused.Message}");
                await poll.WaitForNextTickAsync();
            }
        }
    }

    private async Task Check(HubProcess node, Acknowledged acknowledged)
    {
        var clock = Stopwatch.StartNew();
        var admin = await node.GraphQL().SignIn(Admin);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        Observed? observed = null;
        string? unanswered = null;
        do
        {
            try
            {
                observed = await Observe(admin);
            }
            catch (NotAnswered refused)
            {
                (observed, unanswered) = (null, refused.Message);
            }
        }
        while (observed?.Settled(acknowledged) != true && clock.Elapsed < Within && await poll.WaitForNextTickAsync());

        observed.Should().NotBeNull($"the hub answers within {Within.TotalSeconds} s of the restart; last answer: {unanswered}");

        output.WriteLine($"Every acknowledged change was delivered {clock.Elapsed.TotalSeconds:F1} s after the restart.");

        // The feeds: every acknowledged submission and status change, exactly once, numbered 1, 2, 3, ...
        var all = observed.All;
        foreach (var (code, feed) in observed.Feeds)
        {
            feed.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, feed.Count).Select(n => (long)n), $"the feed of {code} has no gap");
            feed.Select(i => (i.InitiativeId, i.Kind)).Should().OnlyHaveUniqueItems($"the feed of {code} has every change once");
        }

        var submittedInFeed = observed.InFeed("INITIATIVE_SUBMITTED");
        var movedInFeed = observed.InFeed("STATUS_CHANGED");
        submittedInFeed.Should().Contain(acknowledged.Submitted.Keys);
        movedInFeed.Should().Contain(acknowledged.Moved.Keys);
        movedInFeed.Should().BeSubsetOf(submittedInFeed, "a status change comes after its submission");
        foreach (var initiative in all.GroupBy(i => i.InitiativeId))
        {
            initiative.Select(i => i.Kind).Should().Equal(initiative.Count() == 1 ? ["INITIATIVE_SUBMITTED"] : ["INITIATIVE_SUBMITTED", "STATUS_CHANGED"], "in order per initiative");
        }

        // Nothing half-visible: every initiative in a feed is in the store, with its acknowledged
        // title. Read by 16 at a time, as the writers wrote them, so that a read that waits does not
        // hold up the others.
        using var readers = new SemaphoreSlim(Writers);
        var titles = await Task.WhenAll(submittedInFeed.Select(async id =>
        {
            await readers.WaitAsync();
            try
            {
                return (Id: id, Title: await StoredTitle(admin, id));
            }
            finally
            {
                readers.Release();
            }
        }));
        foreach (var (id, title) in titles)
        {
            title.Should().NotBeNull($"initiative {id} is in a feed, so it is stored");
            if (acknowledged.Submitted.TryGetValue(id, out var known))
            {
                title.Should().Be(known.Title);
            }
        }

        // The index and the council's overview count exactly what the feeds hold.
        var figures = observed.Overview;
        figures["submitted"]!.GetValue<int>().Should().Be(submittedInFeed.Count);
        figures["byNeighbourhood"]!.AsArray().Where(n => n!["count"]!.GetValue<int>() > 0).ToDictionary(n => n!["neighbourhood"]!["code"]!.GetValue<string>(), n => n!["count"]!.GetValue<int>())
            .Should().Equal(observed.Feeds.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value.Count(i => i.Kind == "INITIATIVE_SUBMITTED")));
        observed.ByStatus("EXPLORING").Should().Be(movedInFeed.Count);
        observed.ByStatus("SUBMITTED").Should().Be(submittedInFeed.Count - movedInFeed.Count);

        // The audit trail: one line per stored change.
        observed.Done.Should().OnlyHaveUniqueItems("each change has one line");
        observed.Done.Where(l => l.Action == "submitInitiative").Select(l => l.Id).Should().BeEquivalentTo(submittedInFeed);
        observed.Done.Where(l => l.Action == "changeStatus").Select(l => l.Id).Should().BeEquivalentTo(movedInFeed);

        // The notices: each initiator heard of each status change of theirs exactly once.
        foreach (var writer in acknowledged.Submitted.Values.Select(s => s.Writer).Distinct())
        {
            using var account = new HttpClient { BaseAddress = node.BaseAddress };
            account.DefaultRequestHeaders.Authorization = (await node.GraphQL().SignIn(Initiator(writer))).Http.DefaultRequestHeaders.Authorization;
            var page = await account.GetStringAsync("/gegevens");
            foreach (var (id, explanation) in acknowledged.Moved.Where(m => acknowledged.Submitted[m.Key].Writer == writer))
            {
                Occurrences(page, $"<p>Verkenning: {explanation}</p>").Should().Be(1, $"the initiator of {id} hears of its status change once");
            }
        }
    }

    private sealed record FeedRow(long Sequence, string InitiativeId, string Kind);

    private static async Task<List<FeedRow>> WholeFeed(GraphQLClient client, string code)
    {
        var rows = new List<FeedRow>();
        string? after = null;
        do
        {
            var response = await client.Send(
                "query($code: String!, $after: String) { neighbourhood(code: $code) { feed(first: 100, after: $after) { items { sequence initiativeId kind } pageInfo { hasNextPage endCursor } } } }",
                new { code, after });
            var feed = Answered(response)["neighbourhood"]!["feed"]!;
            rows.AddRange(feed["items"]!.AsArray().Select(i => new FeedRow(i!["sequence"]!.GetValue<long>(), i["initiativeId"]!.GetValue<string>(), i["kind"]!.GetValue<string>())));
            after = feed["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? feed["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        rows.Reverse();
        return rows;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
