using System.Diagnostics;
using System.Globalization;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// Fail-over with two web nodes as processes on loopback (PostgreSQL membership): 32 initiatives
/// are placed on the cluster, node A gets SIGKILL, and node B is asked at once and again every
/// 100 ms to read each initiative and to take a new input on each. Prints when the first read
/// and the first write succeeded, and when every initiative was readable and writable again
/// (some of them lived on A). The baseline is Orleans' own membership settings
/// (a 5 s probe timeout), in the same run. A third setting starts A again at once on the same
/// ports, as a supervisor restarts a crashed node, and asks the restarted A instead of B (the time
/// includes A's start).
/// </summary>
public static class Failover
{
    private const int Initiatives = 32;
    private static readonly Actor Resident = new("bench-resident", "Bewoner", new HashSet<HubRole> { HubRole.Resident });

    public static async Task Run(int rounds)
    {
        Console.WriteLine($"Haarlem Initiatives fail-over benchmark: two web nodes on PostgreSQL, SIGKILL of one, {Initiatives} initiatives, {rounds} rounds per setting, {Environment.ProcessorCount} cores.");
        var server = new PostgresServer();
        await server.InitializeAsync();
        try
        {
            Console.WriteLine("| settings | round | first read | every read | first write | every write |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, probe, restart) in new[]
            {
                ("hub (probe 1 s, 3 missed)", "1000", false),
                ("Orleans defaults (probe 5 s, 3 missed)", "5000", false),
                ("hub, A restarted at once, asked through A", "1000", true),
            })
            {
                for (var round = 1; round <= rounds; round++)
                {
                    var (firstRead, everyRead, firstWrite, everyWrite) = await Round(server, probe, restart);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {round} | {firstRead.TotalSeconds:F1} s | {everyRead.TotalSeconds:F1} s | {firstWrite.TotalSeconds:F1} s | {everyWrite.TotalSeconds:F1} s |"));
                }
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<(TimeSpan FirstRead, TimeSpan EveryRead, TimeSpan FirstWrite, TimeSpan EveryWrite)> Round(PostgresServer server, string probeMilliseconds, bool restart)
    {
        var database = await server.CreateDatabase();
        var clusterId = $"failover-{Guid.NewGuid():N}";
        Dictionary<string, string> Settings() => new(HubSettings.PostgreSql(database, clusterId)) { ["Cluster:ProbeTimeoutMilliseconds"] = probeMilliseconds };
        var settingsA = Settings();
        var a = await HubProcess.Start(settingsA);
        await using var b = await HubProcess.Start(Settings());
        var initiators = new[] { await a.GraphQL().SignIn(TestPeople.Initiator), await b.GraphQL().SignIn(TestPeople.Initiator) };
        var neighbourhoods = (await b.GraphQL().Send("{ neighbourhoods { code } }")).Data!["neighbourhoods"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
        var ids = new List<string>();
        for (var n = 0; n < Initiatives; n++)
        {
            var submitted = await initiators[n % 2].Send(
                "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } } }",
                new { input = new { title = $"Plan {n}", neighbourhoodCode = neighbourhoods[n % neighbourhoods.Count], theme = "SOCIAL" } });
            ids.Add(submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>());
        }

        await a.Kill();
        var clock = Stopwatch.StartNew();
        await a.DisposeAsync();
        await using var asked = restart ? await HubProcess.Start(settingsA) : null;
        var node = asked ?? b;
        var resident = await node.GraphQL().SignIn(Resident);
        var reader = node.GraphQL();
        var reads = Task.Run(() => EachUntilDone(ids, clock, async id =>
            (await reader.Send("query($id: ID!) { initiative(id: $id) { id } }", new { id })).Data?["initiative"]?["id"]?.GetValue<string>() == id));
        var writes = Task.Run(() => EachUntilDone(ids, clock, async id =>
            (await resident.Send("mutation($input: GiveInputInput!) { giveInput(input: $input) { errors { code } } }", new { input = new { initiativeId = id, kind = "SUPPORT" } }))
                .Data?["giveInput"]?["errors"]?.AsArray().Count == 0));
        var (firstRead, everyRead) = await reads;
        var (firstWrite, everyWrite) = await writes;
        return (firstRead, everyRead, firstWrite, everyWrite);
    }

    /// <summary>Tries each id until it succeeds, every 100 ms; returns when the first and the last succeeded.</summary>
    private static async Task<(TimeSpan First, TimeSpan Every)> EachUntilDone(List<string> ids, Stopwatch clock, Func<string, Task<bool>> attempt)
    {
        var waiting = new HashSet<string>(ids);
        TimeSpan? first = null;
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            foreach (var id in waiting.ToList())
            {
                bool done;
                try
                {
                    done = await attempt(id);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    done = false;
                }

                if (done)
                {
                    first ??= clock.Elapsed;
                    waiting.Remove(id);
                }
            }

            if (waiting.Count == 0)
            {
                return (first!.Value, clock.Elapsed);
            }

            await every.WaitForNextTickAsync();
        }
    }
}
