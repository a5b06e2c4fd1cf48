using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// The live feed: many SignalR connections over many neighbourhoods, writers producing changes at a
/// steady rate. End-to-end latency (from the moment the change is sent to the moment a client has
/// the item), items delivered per second and memory per connection; next to a bare SignalR hub that
/// broadcasts the same items to the same connections, without Orleans or storage.
/// </summary>
public static class LiveFeed
{
    private const int Neighbourhoods = 80;

    public static async Task Run(int connections, int eventsPerSecond, TimeSpan duration)
    {
        Console.WriteLine($"Live feed: {connections} connections over {Neighbourhoods} neighbourhoods, {eventsPerSecond} changes/s for {duration.TotalSeconds:F0} s " +
                          $"(each to {connections / Neighbourhoods} connections), {Environment.ProcessorCount} cores, clients in the same process.");
        // The baseline first, in a fresh process, so that its memory figure is not blurred by the hub's.
        var bareResult = await Bare(connections, eventsPerSecond, duration);
        Print("bare SignalR hub (baseline)", bareResult);
        var hubResult = await Hub(connections, eventsPerSecond, duration);
        Print("hub (Orleans, SQLite, relay)", hubResult);
        Console.WriteLine($"ratio delivered/s hub / bare: {hubResult.PerSecond / bareResult.PerSecond:F2}");
    }

    private sealed record Result(long Expected, long Delivered, double PerSecond, double P50, double P99, double BytesPerConnection, double CommitP50 = double.NaN, double CommitP99 = double.NaN);

    private static void Print(string name, Result r) =>
        Console.WriteLine($"{name,-30} delivered {r.Delivered}/{r.Expected} items, {r.PerSecond:F0} items/s, latency p50 {r.P50:F1} ms, p99 {r.P99:F1} ms, {r.BytesPerConnection / 1024:F1} KiB per connection" +
                          (double.IsNaN(r.CommitP50) ? "" : $"; from the commit (answer) p50 {r.CommitP50:F1} ms, p99 {r.CommitP99:F1} ms"));

    private static async Task<Result> Hub(int connections, int rate, TimeSpan duration)
    {
        await using var hub = await BenchHub.Sqlite();
        var grains = hub.Services.GetRequiredService<IGrainFactory>();
        var codes = Enumerable.Range(0, Neighbourhoods).Select(n => $"bench-{n:00}").ToArray();
        var initiatives = new Guid[Neighbourhoods];
        for (var n = 0; n < Neighbourhoods; n++)
        {
            await grains.GetGrain<INeighbourhoodGrain>(codes[n]).Define(new NeighbourhoodInfo(codes[n], $"Buurt {n}", "Bench", null));
            initiatives[n] = Guid.NewGuid();
            await grains.GetGrain<IInitiativeGrain>(initiatives[n]).Submit(new SubmitInitiative($"Plan {n}", "", codes[n], Theme.Social), TestPeople.Initiator);
        }

        var sent = new ConcurrentDictionary<string, long>();
        var acknowledged = new ConcurrentDictionary<string, long>();
        var arrivals = new ConcurrentBag<(string EventId, long At)>();
        var latencies = new ConcurrentBag<double>();
        await IdleFirstItems(grains, hub.Address, codes[0], initiatives[0]);
        var before = Memory();
        var clients = await Connect(connections, new Uri(hub.Address, "/hubs/feed"), latencies, sent,
            (connection, index) => connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", codes[index % Neighbourhoods], 1L), arrivals);
        var perConnection = (Memory() - before) / connections;

        var counters = new int[Neighbourhoods];
        var expected = await Produce(rate, duration, async (index) =>
        {
            var n = index % Neighbourhoods;
            var number = Interlocked.Increment(ref counters[n]);
            // Event 1 is the submission; the first initiative also had the idle changes.
            var eventId = $"{initiatives[n]:N}:{number + (n == 0 ? IdleChanges : 0) + 1}";
            sent[eventId] = Stopwatch.GetTimestamp();
            var result = await grains.GetGrain<IInitiativeGrain>(initiatives[n]).ExtendStep(
                new ExtendStepRequest(new DateOnly(2030, 1, 1).AddDays(number + IdleChanges), "Er is meer tijd nodig."), "Bench");
            acknowledged[eventId] = Stopwatch.GetTimestamp();
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException(result.Errors[0].Message);
            }
        }, connections / Neighbourhoods);
        var result = await Finish(clients, latencies, expected, duration, perConnection);
        // From the moment the change was answered (its commit) to each client's item; an item that
        // came before the answer counts as 0.
        var fromCommit = arrivals
            .Where(a => acknowledged.ContainsKey(a.EventId))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(acknowledged[a.EventId], a.At).TotalMilliseconds))
            .Order().ToArray();
        return result with { CommitP50 = Percentile(fromCommit, 0.50), CommitP99 = Percentile(fromCommit, 0.99) };
    }

    private static async Task<Result> Bare(int connections, int rate, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Critical);
        builder.Services.AddSignalR().AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions));
        await using var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        await app.StartAsync();
        var context = app.Services.GetRequiredService<IHubContext<BareHub>>();
        var codes = Enumerable.Range(0, Neighbourhoods).Select(n => $"bench-{n:00}").ToArray();
        var sent = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var before = Memory();
        var clients = await Connect(connections, new Uri($"http://127.0.0.1:{port}/hubs/bare"), latencies, sent,
            (connection, index) => connection.InvokeAsync("Join", codes[index % Neighbourhoods]));
        var perConnection = (Memory() - before) / connections;

        var counters = new long[Neighbourhoods];
        var expected = await Produce(rate, duration, async index =>
        {
            var n = index % Neighbourhoods;
            var number = Interlocked.Increment(ref counters[n]);
            var id = $"bare-{n}:{number}";
            sent[id] = Stopwatch.GetTimestamp();
            var item = new FeedItem(codes[n], number, FeedItemKind.StepExtended, Guid.Empty, $"Plan {n}",
                "De stap Ingediend duurt langer: klaar rond 2 januari 2030. Reden: Er is meer tijd nodig.", DateTimeOffset.UtcNow, id);
            await context.Clients.Group(codes[n]).SendAsync("feedItem", item);
        }, connections / Neighbourhoods);
        return await Finish(clients, latencies, expected, duration, perConnection);
    }

    /// <summary>Changes made one at a time on an idle hub before the load starts.</summary>
    private const int IdleChanges = 20;

    /// <summary>
    /// On an idle hub: one real SignalR client, one change at a time, each waited for; prints how long
    /// from the change's answer (its commit) and from sending it to the client having the item.
    /// </summary>
    private static async Task IdleFirstItems(IGrainFactory grains, Uri address, string code, Guid initiative)
    {
        var arrived = Channel.CreateUnbounded<(FeedItem Item, long At)>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/feed"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
        connection.On<FeedItem>("feedItem", item => arrived.Writer.TryWrite((item, Stopwatch.GetTimestamp())));
        await connection.StartAsync();
        await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", code, 1L);
        var fromCommit = new List<double>();
        var fromSend = new List<double>();
        for (var n = 1; n <= IdleChanges; n++)
        {
            var sentAt = Stopwatch.GetTimestamp();
            await grains.GetGrain<IInitiativeGrain>(initiative).ExtendStep(new ExtendStepRequest(new DateOnly(2030, 1, 1).AddDays(n), "Er is meer tijd nodig."), "Bench");
            var answeredAt = Stopwatch.GetTimestamp();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var (_, at) = await arrived.Reader.ReadAsync(wait.Token);
            fromCommit.Add(Math.Max(0, Stopwatch.GetElapsedTime(answeredAt, at).TotalMilliseconds));
            fromSend.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
        }

        var commit = fromCommit.Order().ToArray();
        var send = fromSend.Order().ToArray();
        Console.WriteLine($"idle hub, one client, {IdleChanges} changes one at a time: item after the commit p50 {Percentile(commit, 0.5):F1} ms, max {commit[^1]:F1} ms; after sending the change p50 {Percentile(send, 0.5):F1} ms, max {send[^1]:F1} ms");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static async Task<List<HubConnection>> Connect(
        int count, Uri url, ConcurrentBag<double> latencies, ConcurrentDictionary<string, long> sent, Func<HubConnection, int, Task> subscribe,
        ConcurrentBag<(string EventId, long At)>? arrivals = null)
    {
        var clients = new HubConnection[count];
        for (var batch = 0; batch < count; batch += 50)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, count - batch)).Select(async index =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(url, options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                    })
                    .AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions))
                    .Build();
                connection.On<FeedItem>("feedItem", item =>
                {
                    arrivals?.Add((item.EventId, Stopwatch.GetTimestamp()));
                    if (sent.TryGetValue(item.EventId, out var start))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                });
                await connection.StartAsync();
                await subscribe(connection, index);
                clients[index] = connection;
            }));
        }

        return [.. clients];
    }

    /// <summary>Sends at a steady rate for the duration; returns how many deliveries to expect.</summary>
    private static async Task<long> Produce(int rate, TimeSpan duration, Func<int, Task> change, int fanOut)
    {
        var tick = TimeSpan.FromMilliseconds(10);
        var perTick = rate / 100.0;
        var due = 0.0;
        var index = 0;
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(tick);
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            due += perTick;
            while (due >= 1)
            {
                pending.Add(change(index++));
                due--;
            }
        }

        await Task.WhenAll(pending);
        return (long)index * fanOut;
    }

    private static async Task<Result> Finish(List<HubConnection> clients, ConcurrentBag<double> latencies, long expected, TimeSpan duration, double perConnection)
    {
        // Wait (bounded) for the last deliveries to arrive.
        var grace = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (latencies.Count < expected && grace.Elapsed < TimeSpan.FromSeconds(15) && await timer.WaitForNextTickAsync())
        {
        }

        var elapsed = duration + grace.Elapsed;
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        var sorted = latencies.Order().ToArray();
        return new Result(expected, sorted.Length, sorted.Length / elapsed.TotalSeconds,
            sorted.Length == 0 ? double.NaN : sorted[(int)(sorted.Length * 0.50)],
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))],
            perConnection);
    }

    private static double Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The baseline: a hub that only puts connections in groups.</summary>
    public sealed class BareHub : Microsoft.AspNetCore.SignalR.Hub
    {
        public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
    }
}
