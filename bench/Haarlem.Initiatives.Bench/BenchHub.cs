using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web;

namespace Haarlem.Initiatives.Bench;

/// <summary>The real hub (co-hosted silo, GraphQL over Kestrel on loopback) on a fresh database.</summary>
public sealed class BenchHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IAsyncDisposable? _database;

    private BenchHub(WebApplication app, Uri address, IAsyncDisposable? database)
    {
        _app = app;
        Address = address;
        _database = database;
    }

    public Uri Address { get; }

    /// <summary>Cluster:Dashboard for the benchmark's nodes: false, unless the environment variable BENCH_DASHBOARD says otherwise.</summary>
    public static string DashboardSetting => Environment.GetEnvironmentVariable("BENCH_DASHBOARD") is { Length: > 0 } value ? value : "false";

    public IServiceProvider Services => _app.Services;

    /// <param name="map">Endpoints of the benchmark's own (a baseline) beside the hub's.</param>
    /// <param name="settings">More settings for the hub.</param>
    public static async Task<BenchHub> Sqlite(Action<WebApplication>? map = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = new TempFolder();
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = folder.File("bench.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return await Start(all, new FolderLease(folder), map);
    }

    /// <summary>The hub on the SQLite file at <paramref name="path"/> (created when missing, kept afterwards).</summary>
    public static Task<BenchHub> SqliteAt(string path) =>
        Start(new() { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = path }, null);

    public static async Task<BenchHub> PostgreSql()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        var database = await server.CreateDatabase();
        return await Start(new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = database + ";Maximum Pool Size=100",
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        }, new ServerLease(server));
    }

    private static async Task<BenchHub> Start(Dictionary<string, string?> settings, IAsyncDisposable? database, Action<WebApplication>? map = null)
    {
        var port = FreePort.Next();
        settings["Urls"] = $"http://127.0.0.1:{port}";
        settings["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Logging:LogLevel:Default"] = "Warning";
        // Thousands of benchmark connections closing while the host stops log errors about the
        // disposed host; deliveries are counted, so a real loss shows in the figures instead.
        settings["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Critical";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Http.Connections"] = "Critical";
        settings["Auth:Mode"] = "Development";
        // A busy node as docs/operations.md recommends it: without the Orleans Dashboard's collector
        // (it reads Orleans' meters every second and times every grain call; /metrics stays).
        settings.TryAdd("Cluster:Dashboard", DashboardSetting);
        // The benchmark is one client writing as fast as it can: no abuse limits.
        settings["Limits:WritesPerMinute"] = "0";
        settings["Limits:RequestsPerMinute"] = "0";
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHub();
        var app = builder.Build();
        app.MapHub();
        map?.Invoke(app);
        await app.StartAsync();
        return new BenchHub(app, new Uri($"http://127.0.0.1:{port}"), database);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private sealed class ServerLease(PostgresServer server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await server.DisposeAsync();
    }

    /// <summary>The fresh SQLite database's folder, removed once the hub has stopped and its connections are closed.</summary>
    private sealed class FolderLease(TempFolder folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
