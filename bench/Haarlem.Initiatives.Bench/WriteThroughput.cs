using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Testing;
using System.Diagnostics;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Orleans.Storage;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// Initiative submissions per second through the public GraphQL API, next to the baseline of the
/// same Orleans grain storage provider writing initiative states on the same database directly
/// (no HTTP, no GraphQL, no domain logic), measured in the same run.
/// </summary>
public static class WriteThroughput
{
    private const string Submit = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { code } } }";
    private const string ChangeStatus = "mutation($input: ChangeStatusInput!) { changeStatus(input: $input) { initiative { id } errors { code } } }";

    /// <summary>Initiatives seeded for the changeStatus measurement; each takes two steps (to Exploring, then WorkingOut).</summary>
    private const int StatusSeed = 6000;

    /// <summary>How many rounds the measurements take turns in: the machine's pace drifts (its disk most), and each round meets the same drift.</summary>
    private const int Rounds = 4;

    public static async Task Run(string name, Func<Task<BenchHub>> start, TimeSpan duration, int concurrency, bool measureMemory)
    {
        await using var hub = await start();
        var grainFactory = hub.Services.GetRequiredService<IGrainFactory>();
        var neighbourhoods = (await NeighbourhoodDirectory.Get(grainFactory).List()).Select(n => n.Code).ToArray();
        var storage = hub.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

        var seeded = await Seed(grainFactory, neighbourhoods, StatusSeed, concurrency);
        var steps = seeded.Select(id => (id, "EXPLORING", "We hebben met u gepraat.")).Concat(seeded.Select(id => (id, "WORKING_OUT", "U werkt het plan uit."))).ToArray();
        var next = -1;

        // Warm up every path (JIT, tiered compilation, connection pools, activations): a round of
        // its own, at least 5 s a measurement, not counted.
        var warmUp = TimeSpan.FromSeconds(Math.Max(5, duration.TotalSeconds / Rounds));
        await Baseline(storage, warmUp, concurrency);
        await GrainStateWrites(grainFactory, warmUp, concurrency);
        await Grains(grainFactory, neighbourhoods, warmUp, concurrency);
        await Api(hub, neighbourhoods, warmUp, concurrency);
        await ApiChangeStatus(hub, steps, () => Interlocked.Increment(ref next), warmUp, concurrency);

        // Each measurement takes its turn in every round, for a share of the duration; their samples add up.
        var (raw, baseline, grains, api, status) = (new Samples(), new Samples(), new Samples(), new Samples(), new Samples());
        var part = duration / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            raw.Add(await Baseline(storage, part, concurrency));
            baseline.Add(await GrainStateWrites(grainFactory, part, concurrency));
            grains.Add(await Grains(grainFactory, neighbourhoods, part, concurrency));
            api.Add(await Api(hub, neighbourhoods, part, concurrency));
            status.Add(await ApiChangeStatus(hub, steps, () => Interlocked.Increment(ref next), part, concurrency));
        }

        Console.WriteLine($"{name}: {Rounds} rounds, each measurement {part.TotalSeconds:F1} s a round");
        Console.WriteLine($"{name}: provider alone (IGrainStorage.WriteStateAsync)  {raw.PerSecond,8:F0} writes/s");
        Console.WriteLine($"{name}: baseline (a new grain writes its state once)  {baseline.PerSecond,8:F0} writes/s, p50 {baseline.P50:F1} ms, p99 {baseline.P99:F1} ms");
        Console.WriteLine($"{name}: grain calls (Submit, no HTTP or GraphQL)          {grains.PerSecond,8:F0} submissions/s, p50 {grains.P50:F1} ms, p99 {grains.P99:F1} ms");
        Console.WriteLine($"{name}: public API (submitInitiative over HTTP)        {api.PerSecond,8:F0} mutations/s, p50 {api.P50:F1} ms, p99 {api.P99:F1} ms, {api.Errors} errors");
        Console.WriteLine($"{name}: public API (changeStatus over HTTP)            {status.PerSecond,8:F0} mutations/s, p50 {status.P50:F1} ms, p99 {status.P99:F1} ms, {status.Errors} errors");
        Console.WriteLine($"{name}: ratio submitInitiative / baseline             {api.PerSecond / baseline.PerSecond,8:F2}   (/ provider alone {api.PerSecond / raw.PerSecond:F2})");
        Console.WriteLine($"{name}: ratio changeStatus / baseline                 {status.PerSecond / baseline.PerSecond,8:F2}   (/ provider alone {status.PerSecond / raw.PerSecond:F2})");

        if (measureMemory)
        {
            await Memory.ReportTenThousandInitiatives(grainFactory, neighbourhoods);
        }
    }

    private static async Task<Samples> Baseline(IGrainStorage storage, TimeSpan duration, int concurrency)
    {
        var state = SampleState();
        return await Measure(duration, concurrency, async () =>
        {
            var grainId = GrainId.Create(GrainType.Create(StateWriterGrain.StateName), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));
            await storage.WriteStateAsync(StateWriterGrain.StateName, grainId, new GrainState<InitiativeState>(state));
            return true;
        });
    }

    private static async Task<Samples> GrainStateWrites(IGrainFactory grains, TimeSpan duration, int concurrency)
    {
        var details = SampleState().Details!;
        return await Measure(duration, concurrency, async () =>
        {
            await grains.GetGrain<IStateWriterGrain>(Guid.NewGuid()).Write(details);
            return true;
        });
    }

    private static async Task<Samples> Grains(IGrainFactory grains, string[] neighbourhoods, TimeSpan duration, int concurrency)
    {
        var counter = 0;
        return await Measure(duration, concurrency, async () =>
        {
            var n = Interlocked.Increment(ref counter);
            var result = await grains.GetGrain<IInitiativeGrain>(Guid.NewGuid()).Submit(new SubmitInitiative(
                $"Geveltuin {n}", "Bewoners planten geveltuinen langs de hele straat.", neighbourhoods[n % neighbourhoods.Length], Theme.Green), TestPeople.Initiator);
            return result.Initiative is not null;
        });
    }

    private static async Task<Samples> Api(BenchHub hub, string[] neighbourhoods, TimeSpan duration, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = hub.Address };
        // Many residents, as in life: each submission comes from one of a thousand signed-in people.
        var auth = hub.Services.GetRequiredService<AuthSettings>();
        var tokens = Enumerable.Range(0, 1000)
            .Select(n => HubAuthentication.IssueToken(auth, TestPeople.Initiator with { UserId = $"bench-resident-{n}" }, DateTimeOffset.UtcNow).Token)
            .ToArray();
        var counter = 0;
        return await Measure(duration, concurrency, async () =>
        {
            var n = Interlocked.Increment(ref counter);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = JsonContent.Create(new
                {
                    query = Submit,
                    variables = new { input = new { title = $"Geveltuin {n}", summary = "Bewoners planten geveltuinen langs de hele straat.", neighbourhoodCode = neighbourhoods[n % neighbourhoods.Length], theme = "GREEN" } },
                }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[n % tokens.Length]);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("\"errors\":[]", StringComparison.Ordinal);
        });
    }

    /// <summary>Contact officials the seeded initiatives are spread over (each status change brings one's work queue up to date).</summary>
    private const int Officials = 40;

    /// <summary>
    /// Initiatives to move along, submitted through the grains by many residents, each with one of
    /// <see cref="Officials"/> contact officials, each delivered.
    /// </summary>
    private static async Task<Guid[]> Seed(IGrainFactory grains, string[] neighbourhoods, int count, int concurrency)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, _) =>
        {
            var grain = grains.GetGrain<IInitiativeGrain>(ids[n]);
            await grain.Submit(new SubmitInitiative($"Speeltuin {n}", "Een plek om te spelen.", neighbourhoods[n % neighbourhoods.Length], Theme.Play),
                TestPeople.Initiator with { UserId = $"bench-resident-{n % 1000}" });
            var official = n % Officials;
            await grain.AssignContactOfficial(
                new Grains.Officials.ContactOfficial($"bench-official-{official}", $"Ambtenaar {official}", "Gebiedsverbinder", "Team Noord", $"a{official}@haarlem.nl", null),
                "Coördinator", null);
            await grain.DeliverOutbox();
        });
        return ids;
    }

    /// <summary>Status changes over HTTP by a coordinator: every initiative to Exploring, then to WorkingOut, until the time is up (each step taken once across rounds).</summary>
    private static async Task<Samples> ApiChangeStatus(BenchHub hub, (Guid Id, string Status, string Explanation)[] steps, Func<int> next, TimeSpan duration, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = hub.Address };
        var auth = hub.Services.GetRequiredService<AuthSettings>();
        var coordinator = new Haarlem.Initiatives.Grains.Access.Actor("bench-coordinator", "Kees Coördinator",
            new HashSet<Haarlem.Initiatives.Grains.Access.HubRole> { Haarlem.Initiatives.Grains.Access.HubRole.Official, Haarlem.Initiatives.Grains.Access.HubRole.Coordinator });
        var token = HubAuthentication.IssueToken(auth, coordinator, DateTimeOffset.UtcNow).Token;
        return await Measure(duration, concurrency, async () =>
        {
            var n = next();
            if (n >= steps.Length)
            {
                return null; // all moved: the measurement ends early
            }

            var (id, status, explanation) = steps[n];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = JsonContent.Create(new { query = ChangeStatus, variables = new { input = new { initiativeId = id, status, explanation } } }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("\"errors\":[]", StringComparison.Ordinal);
        });
    }

    private static InitiativeState SampleState() => new()
    {
        Details = new InitiativeDetails(Guid.Empty, "Geveltuinen in de Leidsestraat", "Bewoners planten geveltuinen langs de hele straat.",
            Theme.Green, InitiativeStatus.Submitted, "leidsebuurt", DateTimeOffset.UtcNow),
    };

    private static Task<Samples> Measure(TimeSpan duration, int concurrency, Func<Task<bool>> operation) =>
        Measure(duration, concurrency, async () => (bool?)await operation());

    /// <summary>Runs the operation from each worker until the time is up or it answers null (no more work).</summary>
    private static async Task<Samples> Measure(TimeSpan duration, int concurrency, Func<Task<bool?>> operation)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                var outcome = await operation();
                if (outcome is null)
                {
                    return;
                }

                if (outcome.Value)
                {
                    mine.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var samples = new Samples();
        samples.Add(latencies.SelectMany(l => l), clock.Elapsed, errors);
        return samples;
    }

    /// <summary>Latencies and time of one measurement, or of its turns in several rounds added up.</summary>
    private sealed class Samples
    {
        private readonly List<double> _latencies = [];
        private TimeSpan _elapsed;

        public int Errors { get; private set; }

        public double PerSecond => _latencies.Count / _elapsed.TotalSeconds;

        public double P50 => Percentile(0.50);

        public double P99 => Percentile(0.99);

        public void Add(IEnumerable<double> latencies, TimeSpan elapsed, int errors)
        {
            _latencies.AddRange(latencies);
            _elapsed += elapsed;
            Errors += errors;
        }

        public void Add(Samples other) => Add(other._latencies, other._elapsed, other.Errors);

        private double Percentile(double p)
        {
            var sorted = _latencies.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
        }
    }
}
