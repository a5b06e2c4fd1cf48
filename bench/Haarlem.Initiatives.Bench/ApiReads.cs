using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Overview;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// Reads through the public API with many initiatives stored: <c>initiative(id)</c> and the
/// council's <c>overview</c> over GraphQL, each next to a minimal-API JSON endpoint in the same
/// process that makes the same grain calls (the baseline), on the real hub over loopback.
/// </summary>
public static class ApiReads
{
    private const string InitiativeQuery =
        "query($id: ID!) { initiative(id: $id) { id title summary theme status { code label } submittedAt neighbourhood { name district } contactOfficial { name email } } }";

    internal const string OverviewQuery =
        "{ overview { periodStart periodEnd submitted byDistrict { district count } byTheme { theme count } byStatus { status count } " +
        "leadTimes { step median percentile90 withinNorm ended } openSteps overdueSteps inputAnswered inputAnsweredWithinNormShare meanMark " +
        "workload { name openInitiatives overdue } textsPlainShare } }";

    public static async Task Run(int initiatives, TimeSpan duration, int concurrency)
    {
        Console.WriteLine($"API reads: {initiatives} initiatives across Haarlem's neighbourhoods (SQLite), {duration.TotalSeconds:F0} s per measurement, " +
                          $"{concurrency} concurrent clients, {Environment.ProcessorCount} cores, clients in the same process.");
        await using var hub = await BenchHub.Sqlite(MapBaseline);
        var grains = hub.Services.GetRequiredService<IGrainFactory>();
        var ids = await Seed(grains, initiatives, concurrency);

        using var http = new HttpClient { BaseAddress = hub.Address };
        var council = await Token(http, "bench-council", "council");

        // What one request allocates, one client at a time (the hub and the client together).
        var sample = ids[0];
        var gqlBytes = await Allocated(() => PostGraphQL(http, null, InitiativeQuery, new { id = sample }));
        var idOnlyBytes = await Allocated(() => PostGraphQL(http, null, "query($id: ID!) { initiative(id: $id) { id } }", new { id = sample }));
        var baseBytes = await Allocated(async () =>
        {
            using var response = await http.GetAsync($"/baseline/initiative/{sample}");
            return await Answered(response);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated per request (hub and client): initiative(id) GraphQL {gqlBytes / 1024:F1} KiB, only its id {idOnlyBytes / 1024:F1} KiB, baseline {baseBytes / 1024:F1} KiB"));

        await InProcess(hub.Services, sample);

        var (gqlInitiative, baseInitiative) = await MeasureInterleaved(duration, concurrency, async () =>
        {
            var id = ids[Random.Shared.Next(ids.Count)];
            return await PostGraphQL(http, null, InitiativeQuery, new { id });
        }, async () =>
        {
            using var response = await http.GetAsync($"/baseline/initiative/{ids[Random.Shared.Next(ids.Count)]}");
            return await Answered(response);
        });
        var (gqlOverview, baseOverview) = await MeasureInterleaved(duration, concurrency, () => PostGraphQL(http, council, OverviewQuery, null), async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/baseline/overview");
            request.Headers.Authorization = new("Bearer", council);
            using var response = await http.SendAsync(request);
            return await Answered(response);
        });

        Print("initiative(id), GraphQL", gqlInitiative);
        Print("initiative, minimal API (baseline)", baseInitiative);
        Console.WriteLine($"ratio GraphQL / baseline: {gqlInitiative.PerSecond / baseInitiative.PerSecond:F2}");
        Print("overview, GraphQL", gqlOverview);
        Print("overview, minimal API (baseline)", baseOverview);
        Console.WriteLine($"ratio GraphQL / baseline: {gqlOverview.PerSecond / baseOverview.PerSecond:F2}");
    }

    /// <summary>The baseline: the same grain calls as the GraphQL resolvers, as plain JSON.</summary>
    private static void MapBaseline(WebApplication app)
    {
        app.MapGet("/baseline/initiative/{id:guid}", async (Guid id, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IInitiativeGrain>(id);
            var details = await grain.GetDetails();
            if (details is null)
            {
                return Results.NotFound();
            }

            var contact = grain.GetContact();
            var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
            var neighbourhood = neighbourhoods.First(n => n.Code == details.NeighbourhoodCode);
            var official = (await contact)?.Current;
            return Results.Json(new
            {
                details.Id, details.Title, details.Summary, Theme = details.Theme.ToString(),
                Status = new { Code = details.Status.ToString(), Label = details.Status.DutchLabel() },
                details.SubmittedAt, Neighbourhood = new { neighbourhood.Name, neighbourhood.District },
                ContactOfficial = official is null ? null : new { official.Name, official.Email },
            });
        });
        app.MapGet("/baseline/overview", async (CouncilOverview overview, CancellationToken cancellationToken) =>
        {
            var figures = await overview.Get(null, null, null, cancellationToken);
            return Results.Json(new
            {
                figures.PeriodStart, figures.PeriodEnd, figures.Figures.Submitted,
                ByDistrict = figures.ByDistrict.Select(d => new { d.District, d.Count }),
                ByTheme = figures.Figures.ByTheme.ToDictionary(t => t.Key.ToString(), t => t.Value),
                ByStatus = figures.Figures.ByStatus.ToDictionary(t => t.Key.ToString(), t => t.Value),
                LeadTimes = figures.Figures.LeadTimes.ToDictionary(l => l.Key.ToString(), l => new
                {
                    Median = Grains.Index.OverviewFigures.Percentile(l.Value, 0.5),
                    Percentile90 = Grains.Index.OverviewFigures.Percentile(l.Value, 0.9),
                    WithinNorm = figures.Figures.StepsWithinNorm.GetValueOrDefault(l.Key),
                    Ended = l.Value.Values.Sum(),
                }),
                figures.Figures.OpenSteps, figures.Figures.OverdueSteps,
                InputAnswered = figures.Figures.AnswerTimes.Values.Sum(), figures.Figures.AnsweredWithinNorm,
                MeanMark = figures.Figures.Ratings == 0 ? (double?)null : (double)figures.Figures.MarkSum / figures.Figures.Ratings,
                Workload = figures.Figures.Workload.Values.Select(w => new { w.Name, w.OpenInitiatives, w.Overdue }),
                figures.Figures.Texts, figures.Figures.TextsWithHints,
            });
        }).RequireAuthorization(new Haarlem.Initiatives.GraphApi.Security.HubActionRequirement(Grains.Access.HubAction.ReadOverview).PolicyName);
    }

    /// <summary>
    /// Initiatives spread over every neighbourhood, the n-th in neighbourhood n modulo their number;
    /// with <paramref name="officials"/> a third past their first talk with a contact official;
    /// <paramref name="place"/> gives the n-th its place (none without it).
    /// </summary>
    internal static async Task<List<Guid>> Seed(IGrainFactory grains, int count, int concurrency, Func<int, GeoPoint?>? place = null, bool officials = true)
    {
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        var themes = Enum.GetValues<Theme>();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var grain = grains.GetGrain<IInitiativeGrain>(ids[n]);
                await grain.Submit(new SubmitInitiative($"Initiatief {n}", "Een plan voor de buurt.", neighbourhoods[n % neighbourhoods.Count].Code, themes[n % themes.Length], Location: place?.Invoke(n)), TestPeople.Initiator);
                if (officials && n % 3 == 0)
                {
                    var official = new ContactOfficial($"official-{n % 40}", $"Ambtenaar {n % 40}", "Gebiedsverbinder", "Team", $"a{n % 40}@haarlem.nl", null);
                    await grain.AssignContactOfficial(official, "Coördinator", null);
                    await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), official.Name);
                }
            }
        }));
        Console.WriteLine($"seeded {count} initiatives in {clock.Elapsed.TotalSeconds:F0} s ({count / clock.Elapsed.TotalSeconds:F0}/s)");
        return ids;
    }

    internal static async Task<string> Token(HttpClient http, string userId, string role)
    {
        using var response = await http.PostAsJsonAsync("/auth/dev/token", new { userId, name = userId, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    internal static async Task<bool> PostGraphQL(HttpClient http, string? token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal);
    }

    /// <summary>The baseline's client reads the whole answer too, as the GraphQL client does.</summary>
    private static async Task<bool> Answered(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && body.Length > 0;
    }

    /// <summary>
    /// Where a GraphQL read's time goes without HTTP: the executer in the process, for the whole
    /// query and for parts of it, next to the same grain calls made directly. Each runs 20,000
    /// times, 16 at a time, after 2 s of warm-up, and the process's CPU time per run is printed (the clients' part is
    /// small: a loop and a call).
    /// </summary>
    private static async Task InProcess(IServiceProvider services, Guid id)
    {
        var executer = services.GetRequiredService<GraphQL.IDocumentExecuter<Haarlem.Initiatives.GraphApi.HubSchema>>();
        var grains = services.GetRequiredService<IGrainFactory>();
        const string idOnly = "query($id: ID!) { initiative(id: $id) { id } }";
        async Task<bool> Execute(string query, string idValue)
        {
            using var scope = services.CreateScope();
            var result = await GraphQL.DocumentExecuterExtensions.ExecuteAsync(executer, options =>
            {
                options.Query = query;
                options.Variables = new GraphQL.Inputs(new Dictionary<string, object?> { ["id"] = idValue });
                options.RequestServices = scope.ServiceProvider;
                options.User = new System.Security.Claims.ClaimsPrincipal();
            });
            return result.Executed && result.Errors is null;
        }

        async Task<bool> ThreeCalls()
        {
            var grain = grains.GetGrain<IInitiativeGrain>(id);
            var details = grain.GetDetails();
            var contact = grain.GetContact();
            var all = await NeighbourhoodDirectory.Get(grains).List();
            var code = (await details)!.NeighbourhoodCode;
            _ = all.First(n => n.Code == code);
            return await contact is not null;
        }

        var text = id.ToString();
        foreach (var (name, operation) in new (string, Func<Task<bool>>)[]
        {
            ("{ __typename }", () => Execute("{ __typename }", text)),
            ("only its id, id not a Guid", () => Execute(idOnly, "x")),
            ("only its id", () => Execute(idOnly, text)),
            ("its own fields and status", () => Execute("query($id: ID!) { initiative(id: $id) { id title summary theme status { code label } submittedAt } }", text)),
            ("id and neighbourhood", () => Execute("query($id: ID!) { initiative(id: $id) { id neighbourhood { name district } } }", text)),
            ("id and contact official", () => Execute("query($id: ID!) { initiative(id: $id) { id contactOfficial { name email } } }", text)),
            ("the three grain calls", ThreeCalls),
            ("one grain call", async () => await grains.GetGrain<IInitiativeGrain>(id).GetDetails() is not null),
            // Last: the seeding's deliveries to the indexes have settled by now.
            ("the whole query", () => Execute(InitiativeQuery, text)),
        })
        {
            const int runs = 20_000;
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
            {
                await operation();
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var started = 0;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                while (Interlocked.Increment(ref started) <= runs)
                {
                    await operation();
                }
            }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"in process, 16 at a time: {name,-28} {runs / clock.Elapsed.TotalSeconds,8:F0}/s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / runs,6:F1} µs per run"));
        }
    }

    /// <summary>Bytes allocated in the process per call of <paramref name="operation"/>, one call at a time, after a warm-up.</summary>
    internal static async Task<double> Allocated(Func<Task<bool>> operation, int count = 2_000)
    {
        for (var i = 0; i < 200; i++)
        {
            await operation();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            await operation();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count;
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    internal sealed record Result(long Count, long Failed, double PerSecond, double P50, double P99)
    {
        /// <summary>Every latency, in order (to combine the slices of an interleaved measurement).</summary>
        public IReadOnlyList<double>? Latencies { get; init; }

        public double Seconds { get; init; }
    }

    internal static void Print(string name, Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {r.PerSecond,8:F0} requests/s, p50 {r.P50,6:F2} ms, p99 {r.P99,6:F2} ms ({r.Count} requests, {r.Failed} failed)"));

    /// <summary>
    /// Measures <paramref name="a"/> and <paramref name="b"/> in turns of one second, each for
    /// <paramref name="duration"/> in all, so that a slower or faster spell of the machine falls on
    /// both (one after the other, a shared 2-core machine gave ratios from 0.15 to 0.36 for the same build).
    /// </summary>
    internal static async Task<(Result A, Result B)> MeasureInterleaved(TimeSpan duration, int concurrency, Func<Task<bool>> a, Func<Task<bool>> b)
    {
        await WarmUpFor(a);
        await WarmUpFor(b);
        var slices = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var partsA = new List<Result>();
        var partsB = new List<Result>();
        for (var slice = 0; slice < slices; slice++)
        {
            partsA.Add(await Run(TimeSpan.FromSeconds(1), concurrency, a));
            partsB.Add(await Run(TimeSpan.FromSeconds(1), concurrency, b));
        }

        return (Combine(partsA), Combine(partsB));
    }

    /// <summary>A warm-up, not counted: until the JIT's second tier has compiled the hot paths.</summary>
    private static async Task WarmUpFor(Func<Task<bool>> operation)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            await operation();
        }
    }

    private static Result Combine(List<Result> parts)
    {
        var all = parts.SelectMany(p => p.Latencies!).Order().ToList();
        return new Result(all.Count, parts.Sum(p => p.Failed), all.Count / parts.Sum(p => p.Seconds),
            all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]);
    }

    internal static async Task<Result> Measure(TimeSpan duration, int concurrency, Func<Task<bool>> operation)
    {
        await WarmUpFor(operation);
        return await Run(duration, concurrency, operation);
    }

    private static async Task<Result> Run(TimeSpan duration, int concurrency, Func<Task<bool>> operation)
    {
        var latencies = new List<double>[concurrency];
        long failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await operation())
                {
                    Interlocked.Increment(ref failed);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count, failed, all.Count / clock.Elapsed.TotalSeconds, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))])
        {
            Latencies = all,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }
}
