using System.Collections.Concurrent;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>
/// A deploy: both nodes of a two-node cluster (separate processes on PostgreSQL) are stopped with
/// SIGTERM and started again, one after the other, under a steady load of reads, writes and 200
/// live connections. The load goes, as through a load balancer, to the nodes whose
/// <c>/health/ready</c> says 200.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class RollingRestartTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly string[] Neighbourhoods = ["boerhaavewijk", "molenwijk", "spaarndam", "parkwijk"];

    [Fact]
    public async Task Restarting_both_nodes_one_after_the_other_under_load_fails_no_request_and_loses_or_doubles_no_feed_item()
    {
        var database = await postgres.CreateDatabase();
        var clusterId = $"rolling-{Guid.NewGuid():N}";
        Dictionary<string, string> Settings() => new(HubSettings.PostgreSql(database, clusterId)) { ["Hub:ShutdownDrainSeconds"] = "2" };
        await using var pool = new NodePool(output);
        await pool.Add(await HubProcess.Start(Settings()));
        await pool.Add(await HubProcess.Start(Settings()));

        var followers = Enumerable.Range(0, 200).Select(n => new Follower(Neighbourhoods[n % Neighbourhoods.Length])).ToList();
        using var stop = new CancellationTokenSource();
        var following = followers.Select(f => f.Follow(pool, stop.Token)).ToList();
        await Task.WhenAll(followers.Select(f => f.Subscribed));

        var failures = new ConcurrentQueue<string>();
        var acknowledged = new ConcurrentQueue<(string Id, string Neighbourhood, string Title)>();
        var load = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !load.IsCancellationRequested; n++)
            {
                var neighbourhood = Neighbourhoods[(w + n) % Neighbourhoods.Length];
                var title = $"Plan {w}-{n}";
                Node? node = null;
                try
                {
                    // Inside the try: a moment with no ready node is a failure to report, not a writer that silently stops.
                    node = pool.Pick();
                    var response = await node.Client.Send(FeedCheck.SubmitQuery, new { input = new { title, neighbourhoodCode = neighbourhood, theme = "SOCIAL" } });
                    var id = response.Data?["submitInitiative"]?["initiative"]?["id"]?.GetValue<string>();
                    if (id is null)
                    {
                        failures.Enqueue($"submit {title} through {node.Process.BaseAddress}: {response.Body.ToJsonString()}");
                    }
                    else
                    {
                        acknowledged.Enqueue((id, neighbourhood, title));
                    }
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"submit {title} through {node?.Process.BaseAddress.ToString() ?? "no node"}: {exception.Message}");
                }
            }
        })).ToList();
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                var known = acknowledged.ToArray();
                if (known.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None); // nothing to read yet
                    continue;
                }

                var (id, _, title) = known[Random.Shared.Next(known.Length)];
                Node? node = null;
                try
                {
                    node = pool.Pick();
                    var read = await FeedCheck.Title(node.Client, id);
                    if (read != title)
                    {
                        failures.Enqueue($"read {id} through {node.Process.BaseAddress}: '{read}' instead of '{title}'");
                    }

                    Interlocked.Increment(ref reads);
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"read {id} through {node?.Process.BaseAddress.ToString() ?? "no node"}: {exception.Message}");
                }
            }
        })).ToList();

        // The deploy: each node in turn stops gracefully and a new one takes its place.
        await Until(() => acknowledged.Count >= 20, () => $"{acknowledged.Count} acknowledged; failures: {string.Join("; ", failures.Take(5))}");
        var exitCodes = new List<int>();
        foreach (var old in pool.Nodes.ToList())
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            exitCodes.Add(await pool.Terminate(old));
            output.WriteLine($"{old.Process.BaseAddress} stopped with exit code {exitCodes[^1]} {stopping.Elapsed.TotalSeconds:F1} s after SIGTERM.");
            await pool.Add(await HubProcess.Start(Settings()));
            var before = acknowledged.Count;
            await Until(() => acknowledged.Count >= before + 20, () => $"{acknowledged.Count - before} more acknowledged; failures: {string.Join("; ", failures.Take(5))}");
        }

        await load.CancelAsync();
        await Task.WhenAll([.. writers, .. readers]);
        var expected = acknowledged.GroupBy(a => a.Neighbourhood).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList());
        var feeds = new Dictionary<string, List<(long Sequence, string InitiativeId)>>();
        foreach (var (neighbourhood, ids) in expected)
        {
            feeds[neighbourhood] = await FeedCheck.FeedWith(pool.Pick().Client, neighbourhood, ids, TimeSpan.FromSeconds(60));
        }

        try
        {
            await Task.WhenAll(followers.Select(f => f.Reached(feeds[f.Neighbourhood].Count))).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // The assertions below say which follower is behind.
        }

        await stop.CancelAsync();
        await Task.WhenAll(following);
        output.WriteLine($"{acknowledged.Count} submissions, {reads} reads, {followers.Sum(f => f.Connections)} live connections opened by 200 followers, {followers.Sum(f => f.Repeats)} repeats dropped by sequence.");

        failures.Should().BeEmpty();
        exitCodes.Should().Equal(0, 0);
        foreach (var (neighbourhood, ids) in expected)
        {
            feeds[neighbourhood].Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, ids.Count).Select(n => (long)n), neighbourhood);
            feeds[neighbourhood].Select(i => i.InitiativeId).Should().BeEquivalentTo(ids, neighbourhood);
        }

        followers.SelectMany(f => f.Gaps).Should().BeEmpty();
        followers.Select(f => f.Last).Should().Equal(followers.Select(f => (long)feeds[f.Neighbourhood].Count));
        followers.Should().OnlyContain(f => f.Connections >= 2, "every follower was on a node that stopped");
    }

    /// <summary>Polls every 50 ms until <paramref name="done"/> holds (at most a minute).</summary>
    private static async Task Until(Func<bool> done, Func<string> state)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!done())
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(1), "the load goes on during the restart ({0})", state());
            await every.WaitForNextTickAsync();
        }
    }

    /// <summary>The nodes and whether each says it is ready, as a load balancer sees them.</summary>
    private sealed class NodePool(ITestOutputHelper output) : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<Node> _nodes = [];
        private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
        private int _next;

        public IReadOnlyList<Node> Nodes
        {
            get
            {
                lock (_gate)
                {
                    return [.. _nodes];
                }
            }
        }

        public async Task Add(HubProcess process)
        {
            var node = new Node(process, process.GraphQL());
            await node.Client.EnsureSignedIn(TestPeople.Initiator);
            using (var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
            {
                while (!await process.IsReady(_probe))
                {
                    await every.WaitForNextTickAsync();
                }
            }

            node.Ready = true;
            _ = Task.Run(() => Watch(node)); // ends when the node is no longer ready
            lock (_gate)
            {
                _nodes.Add(node);
            }
        }

        /// <summary>A ready node, in turn.</summary>
        public Node Pick()
        {
            lock (_gate)
            {
                var ready = _nodes.Where(n => n.Ready).ToList();
                ready.Should().NotBeEmpty("one node is always ready during a rolling restart");
                return ready[_next++ % ready.Count];
            }
        }

        public async Task<int> Terminate(Node node)
        {
            var exitCode = await node.Process.Terminate();
            lock (_gate)
            {
                _nodes.Remove(node);
            }

            node.Ready = false;
            Report(node);
            await node.Process.DisposeAsync();
            return exitCode;
        }

        /// <summary>What a node logged at warning level and above (shown when the test fails).</summary>
        private void Report(Node node) =>
            output.WriteLine($"--- {node.Process.BaseAddress} logged:\n{node.Process.Output[Math.Max(0, node.Process.Output.Length - 20_000)..]}");

        /// <summary>Asks the node every 100 ms whether it is ready (a load balancer's health check).</summary>
        private async Task Watch(Node node)
        {
            using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (node.Ready && await every.WaitForNextTickAsync())
            {
                node.Ready = await node.Process.IsReady(_probe);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var node in Nodes)
            {
                node.Ready = false;
                Report(node);
                await node.Process.DisposeAsync();
            }

            _probe.Dispose();
        }
    }

    private sealed class Node(HubProcess process, GraphQLClient client)
    {
        public HubProcess Process { get; } = process;

        public GraphQLClient Client { get; } = client;

        public volatile bool Ready;
    }

    /// <summary>
    /// A live client of one neighbourhood, as the page's script: when its connection closes it
    /// connects to a ready node and subscribes from the last item it has; while that catch-up is
    /// under way, items pushed meanwhile wait, so they are shown in order.
    /// </summary>
    private sealed class Follower(string neighbourhood)
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<FeedItem> _held = [];
        private bool _catchingUp;
        private (long Count, TaskCompletionSource Reached)? _target;

        public string Neighbourhood { get; } = neighbourhood;

        public long Last { get; private set; }

        public int Repeats { get; private set; }

        public int Connections { get; private set; }

        public List<string> Gaps { get; } = [];

        public Task Subscribed => _subscribed.Task;

        public Task Reached(long count)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _target = (count, reached);
                if (Last >= count)
                {
                    reached.TrySetResult();
                }

                return reached.Task;
            }
        }

        public async Task Follow(NodePool pool, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using var connection = pool.Pick().Process.FeedConnection();
                connection.On<FeedItem>("feedItem", Push);
                connection.Closed += _ =>
                {
                    closed.TrySetResult();
                    return Task.CompletedTask;
                };
                try
                {
                    await connection.StartAsync(stop);
                    long after;
                    lock (_gate)
                    {
                        _catchingUp = true;
                        after = Last;
                        Connections++;
                    }

                    var missed = await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", Neighbourhood, after, stop);
                    CaughtUp(missed);
                    _subscribed.TrySetResult();
                    await closed.Task.WaitAsync(stop);
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
                {
                    // The node stopped under this client (or the test is done): connect again,
                    // after a short back-off as the page's script does.
                    lock (_gate)
                    {
                        _catchingUp = false;
                        _held.Clear();
                    }

                    if (!stop.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                    }
                }
            }
        }

        private void Push(FeedItem item)
        {
            lock (_gate)
            {
                if (_catchingUp)
                {
                    _held.Add(item);
                    return;
                }

                Show(item);
            }
        }

        private void CaughtUp(List<FeedItem> missed)
        {
            lock (_gate)
            {
                foreach (var item in missed.Concat(_held.OrderBy(i => i.Sequence)))
                {
                    Show(item);
                }

                _held.Clear();
                _catchingUp = false;
            }
        }

        private void Show(FeedItem item)
        {
            if (item.Sequence <= Last)
            {
                Repeats++;
                return;
            }

            if (item.Sequence != Last + 1)
            {
                Gaps.Add($"{Neighbourhood}: {item.Sequence} after {Last}");
            }

            Last = item.Sequence;
            if (_target is { } target && Last >= target.Count)
            {
                target.Reached.TrySetResult();
            }
        }
    }
}
