using System.Diagnostics;
using System.Globalization;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Testing;
using Orleans.Storage;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// The council's reads at national scale: the neighbourhood indexes hold <c>total</c> initiatives
/// (Haarlem's 34 neighbourhoods, so about total / 34 each), seeded as the index grain stores them
/// (its rows), with each neighbourhood's feed holding every initiative's submission (its rows);
/// the newest 200 initiatives of each neighbourhood are stored as initiative grains too (cloned
/// from one submitted through the grain), which holds every first page measured. Then the hub
/// starts again on that file, as after a deploy: start-up time to ready, the first `overview`
/// (which activates the 34 indexes), the managed memory the indexes take, and p50/p99 of
/// `overview` and of first pages of `initiatives` with and without filters, and submissions into
/// the full indexes through the grain. The baseline is the same run at 10,000 initiatives.
/// </summary>
public static class NationalScale
{
    private const int StoredPerNeighbourhood = 200;

    /// <summary>Concurrent submitters in the write measurement (as in the write-path benchmark).</summary>
    private const int Writers = 16;

    private static readonly (string Name, string Filter)[] Lists =
    [
        ("initiatives(first: 20)", ""),
        ("… filter district", "filter: { district: \"Schalkwijk\" }, "),
        ("… filter theme", "filter: { theme: GREEN }, "),
        ("… filter status", "filter: { status: EXPLORING }, "),
        ("… filter overdue", "filter: { overdue: true }, "),
    ];

    public static async Task Run(int total, TimeSpan duration, int concurrency)
    {
        Console.WriteLine($"National scale: SQLite, {duration.TotalSeconds:F0} s per measurement, {concurrency} concurrent clients, {Environment.ProcessorCount} cores, clients in the same process.");
        foreach (var size in new[] { 10_000, total })
        {
            await Measure(size, duration, concurrency);
        }
    }

    private static async Task Measure(int total, TimeSpan duration, int concurrency)
    {
        var folder = Directory.CreateTempSubdirectory("haarlem-national-");
        var path = Path.Combine(folder.FullName, "national.db");
        try
        {
            var seeding = Stopwatch.StartNew();
            // The initiatives first; then, on a hub where no index grain is active, the indexes.
            // The pending-delivery ledger the storage trigger filled for these rows is emptied: they
            // carry nothing to deliver, and a sweep would only activate them during the measurement.
            var (indexes, neighbourhoodCodes) = await SeedInitiatives(path, total);
            ClearLedger(path);
            await using (var hub = await BenchHub.SqliteAt(path))
            {
                await SeedIndexes(hub, indexes, neighbourhoodCodes);
            }

            ClearLedger(path);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{total:N0} initiatives: seeded in {seeding.Elapsed.TotalSeconds:F0} s; database {new FileInfo(path).Length / 1048576.0:F0} MiB"));

            var starting = Stopwatch.StartNew();
            await using var again = await BenchHub.SqliteAt(path);
            var started = starting.Elapsed;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            using var http = new HttpClient { BaseAddress = again.Address, Timeout = TimeSpan.FromMinutes(5) };
            var council = await ApiReads.Token(http, "bench-council", "council");
            var first = Stopwatch.StartNew();
            var ok = await ApiReads.PostGraphQL(http, council, ApiReads.OverviewQuery, null);
            var firstOverview = first.Elapsed;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  start-up to ready {started.TotalSeconds:F1} s; first overview (activates the 34 indexes) {firstOverview.TotalSeconds:F1} s ({(ok ? "ok" : "FAILED")}); " +
                $"managed memory the indexes took: +{(after - before) / 1048576.0:F0} MiB ({(after - before) / (double)total:F0} bytes per initiative)"));

            ApiReads.Print("  overview", await ApiReads.Measure(duration, concurrency, () => ApiReads.PostGraphQL(http, council, ApiReads.OverviewQuery, null)));
            foreach (var (name, filter) in Lists)
            {
                var query = $"{{ initiatives({filter}first: 20) {{ totalCount items {{ id title status {{ code }} neighbourhood {{ name }} }} }} }}";
                ApiReads.Print("  " + name, await ApiReads.Measure(duration, concurrency, () => ApiReads.PostGraphQL(http, null, query, null)));
            }

            // Writes into the full indexes: each submission waits until its index has stored it.
            var grains = again.Services.GetRequiredService<IGrainFactory>();
            var counter = 0;
            ApiReads.Print($"  submit through the grain ({Writers} clients)", await ApiReads.Measure(duration, Writers, async () =>
            {
                var n = Interlocked.Increment(ref counter);
                var result = await grains.GetGrain<IInitiativeGrain>(Guid.NewGuid()).Submit(
                    new SubmitInitiative($"Geveltuin {n}", "Een plan voor de buurt.", neighbourhoodCodes[n % neighbourhoodCodes.Count], Theme.Green), TestPeople.Initiator);
                return result.Initiative is not null;
            }));

            // A submission returns at its commit; its index row (and feed item) follow in the
            // background. How far behind that left the deliveries, and how long they took to catch up.
            var ledger = again.Services.GetRequiredService<Silo.Delivery.IDeliveryLedger>();
            var (behind, oldest) = await ledger.Waiting();
            var draining = Stopwatch.StartNew();
            while ((await ledger.Waiting()).Count > 0 && draining.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(50);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  after the submissions: {behind} initiatives not yet delivered (oldest {oldest.TotalSeconds:F1} s); all delivered {draining.Elapsed.TotalSeconds:F1} s later"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static void ClearLedger(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Silo.Schema.SqliteSchema.ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM hub_delivery_pending";
        command.ExecuteNonQuery();
    }

    private static async Task SeedIndexes(BenchHub hub, List<Dictionary<Guid, InitiativeSummary>> indexes, List<string> codes)
    {
        var rows = hub.Services.GetRequiredService<IIndexRows>();
        var feeds = hub.Services.GetRequiredService<IFeedRows>();
        for (var i = 0; i < codes.Count; i++)
        {
            await rows.Store(codes[i], [.. indexes[i].Values]);

            // The neighbourhood's feed as it would be: every initiative's submission, oldest first
            // (the feed's rows, so that appending and reading are measured at their real size).
            var sequence = 0L;
            var items = indexes[i].Values.OrderBy(s => s.SubmittedAt).Select(s => new FeedItem(
                codes[i], ++sequence, FeedItemKind.InitiativeSubmitted, s.Id, s.Title, "Er is een nieuw initiatief ingediend in uw buurt.", s.SubmittedAt, $"{s.Id:N}:1"));
            foreach (var chunk in items.Chunk(5_000))
            {
                await feeds.Import(chunk);
            }
        }
    }

    /// <summary>
    /// Builds the indexes' summaries, and stores the newest initiatives of each neighbourhood
    /// through the grain storage provider, cloned from one submitted through the grain.
    /// </summary>
    private static async Task<(List<Dictionary<Guid, InitiativeSummary>> Indexes, List<string> Codes)> SeedInitiatives(string path, int total)
    {
        await using var hub = await BenchHub.SqliteAt(path);
        var grains = hub.Services.GetRequiredService<IGrainFactory>();
        var storage = hub.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();

        // One initiative through the grain, as the template of the stored ones.
        var templateId = Guid.NewGuid();
        var template = grains.GetGrain<IInitiativeGrain>(templateId);
        await template.Submit(new SubmitInitiative("Sjabloon", "Een plan voor de buurt.", neighbourhoods[0].Code, Theme.Green), TestPeople.Initiator);
        await template.AssignContactOfficial(Official(0), "Coördinator", null);
        await template.DeliverOutbox();
        var templateState = new GrainState<InitiativeState>();
        await storage.ReadStateAsync("initiative", template.GetGrainId(), templateState);

        var now = DateTimeOffset.UtcNow;
        var themes = Enum.GetValues<Theme>();
        var statuses = new[] { InitiativeStatus.Submitted, InitiativeStatus.Exploring, InitiativeStatus.WorkingOut, InitiativeStatus.Decision, InitiativeStatus.Realisation, InitiativeStatus.Completed };
        var perNeighbourhood = neighbourhoods.Select(_ => new Dictionary<Guid, InitiativeSummary>()).ToList();
        var stored = new List<(Guid Id, InitiativeSummary Summary)>();
        for (var n = 0; n < total; n++)
        {
            // Newest first: over the last two years.
            var submitted = now - TimeSpan.FromMinutes(n * (2 * 365 * 24 * 60.0 / total)) - TimeSpan.FromHours(1);
            // By the initiative's rank within its neighbourhood, so every neighbourhood has every status and theme.
            var rank = n / neighbourhoods.Count;
            var status = statuses[rank % 17 % statuses.Length];
            var id = new Guid(n, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8]);
            var day = DateOnly.FromDateTime(submitted.UtcDateTime);
            var withContact = status != InitiativeStatus.Submitted || n % 3 == 0;
            var steps = status == InitiativeStatus.Submitted ? [] : new List<StepLeadTime> { new(InitiativeStatus.Submitted, day.AddDays(4), 4, 5) };
            var summary = new InitiativeSummary(
                id, 1, neighbourhoods[n % neighbourhoods.Count].Code, $"Initiatief {n}", themes[rank % themes.Length], status, submitted,
                withContact ? $"official-{n % 40}" : null, withContact ? $"Ambtenaar {n % 40}" : null,
                status == InitiativeStatus.Completed ? null : day.AddDays(status == InitiativeStatus.Submitted ? 7 : 21),
                steps,
                n % 5 == 0 ? [new AnswerTime(day.AddDays(3), 3, true)] : [],
                n % 11 == 0 ? [new RatingFigure(day.AddDays(10), 8, new KanoScores(4, 5, 4, 3, 5, 5, 4))] : [],
                n % 7 == 0 ? [new PublishedText(day.AddDays(2), n % 14 == 0)] : []);
            var part = perNeighbourhood[n % neighbourhoods.Count];
            part[id] = summary;
            if (part.Count <= StoredPerNeighbourhood)
            {
                stored.Add((id, summary));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var k = worker; k < stored.Count; k += 8)
            {
                var (id, summary) = stored[k];
                var state = templateState.State ?? throw new InvalidOperationException("The template initiative was not stored.");
                var clone = new GrainState<InitiativeState>
                {
                    State = new InitiativeState
                    {
                        Details = state.Details! with { Id = id, Title = summary.Title, NeighbourhoodCode = summary.NeighbourhoodCode, Theme = summary.Theme, Status = summary.Status, SubmittedAt = summary.SubmittedAt },
                        Initiator = state.Initiator,
                        History = state.History,
                        Contact = summary.ContactOfficialId is null ? null : state.Contact,
                        Revision = state.Revision,
                        IndexedRevision = state.IndexedRevision,
                        ChangeLog = state.ChangeLog,
                        Events = state.Events,
                        Sequences = state.Sequences,
                        EventCount = state.EventCount,
                    },
                };
                await storage.WriteStateAsync("initiative", grains.GetGrain<IInitiativeGrain>(id).GetGrainId(), clone);
            }
        }));
        return (perNeighbourhood, [.. neighbourhoods.Select(n => n.Code)]);
    }

    private static ContactOfficial Official(int n) => new($"official-{n}", $"Ambtenaar {n}", "Gebiedsverbinder", "Team", $"a{n}@haarlem.nl", null);
}
