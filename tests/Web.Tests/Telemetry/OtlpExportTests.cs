using System.Collections.Concurrent;
using System.Text;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Web.Tests.Telemetry;

/// <summary>
/// The OTLP push, over http/protobuf, to a receiver of the test's own on loopback: a web node and
/// a grain-only node (which has no <c>/metrics</c> to scrape) each send the hub's meters to
/// <c>/v1/metrics</c> under the configured address.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication? _receiver;
    private int _port;

    public async Task InitializeAsync()
    {
        _port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _receiver = builder.Build();
        _receiver.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
            _arrived.Release();
            return Results.Ok();
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        _arrived.Dispose();
    }

    private Dictionary<string, string> Settings(string database, string serviceName)
    {
        var settings = HubSettings.Sqlite(_folder.File(database));
        settings["Telemetry:ServiceName"] = serviceName;
        settings["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{_port}";
        settings["Telemetry:OtlpProtocol"] = "http/protobuf";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        return settings;
    }

    /// <summary>Waits for each request that arrives until one satisfies <paramref name="wanted"/> (at most a minute).</summary>
    private async Task<(string Path, string? ContentType, byte[] Body)> First(Func<(string Path, string? ContentType, byte[] Body), bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var match = _received.FirstOrDefault(wanted);
            if (match.Path is not null)
            {
                return match;
            }

            await _arrived.WaitAsync(timeout.Token);
        }
    }

    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task A_web_node_and_a_grain_only_node_push_the_hubs_meters_to_the_metrics_path()
    {
        await using var grainNode = await HubProcess.StartGrainNode(Settings("grains.db", "otlp-grain-node"));
        await using var webNode = await HubProcess.Start(Settings("web.db", "otlp-web-node"));
        using (var http = new HttpClient { BaseAddress = webNode.BaseAddress })
        {
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode(); // one request to count
        }

        var fromGrainNode = await First(r => Holds(r.Body, "otlp-grain-node") && Holds(r.Body, "hub.outbox.waiting"));
        var fromWebNode = await First(r => Holds(r.Body, "otlp-web-node") && Holds(r.Body, "hub.requests"));

        (fromGrainNode.Path, fromGrainNode.ContentType).Should().Be(("/v1/metrics", "application/x-protobuf"));
        (fromWebNode.Path, fromWebNode.ContentType).Should().Be(("/v1/metrics", "application/x-protobuf"));
        Holds(fromGrainNode.Body, "Haarlem.Initiatives").Should().BeTrue();
        Holds(fromWebNode.Body, "hub.outbox.waiting").Should().BeTrue();
    }
}
