using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Cluster;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Web.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> on a hub started as its own process (so no other test's host adds to its
/// counters): refused without the configured key, and after one submission seen live it holds the
/// hub's own figures with their exact values, next to the ASP.NET Core and Orleans meters.
/// </summary>
public sealed partial class MetricsEndpointTests : IDisposable
{
    private const string Key = "metrics-key-for-the-test-0123456789";
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Metrics_are_refused_without_the_key_and_after_a_submission_hold_the_hubs_own_figures_in_prometheus_text()
    {
        var settings = HubSettings.Sqlite(_folder.File("hub.db"));
        settings["Telemetry:MetricsKey"] = Key;
        await using var hub = await HubProcess.Start(settings);
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };

        using var anonymous = await http.GetAsync("/metrics");
        using var wrongKey = await Scrape(http, "not-the-key-not-the-key-not-the-key");
        var resident = await hub.GraphQL().SignIn(new Actor("metrics-resident", "Bea Visser", new HashSet<HubRole> { HubRole.Resident }));
        using var signedIn = await resident.Http.GetAsync("/metrics");

        await using var live = hub.FeedConnection();
        var items = Channel.CreateUnbounded<FeedItem>();
        live.On<FeedItem>("feedItem", item => items.Writer.TryWrite(item));
        await live.StartAsync();
        await live.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "vijfhoek", 0L);
        var id = await FeedCheck.Submit(hub.GraphQL(), "vijfhoek", "Bankjes op het plein");
        var item = await items.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        using var scraped = await Scrape(http, Key);
        var text = await scraped.Content.ReadAsStringAsync();
        var samples = Parse(text);

        (anonymous.StatusCode, anonymous.Headers.WwwAuthenticate.ToString()).Should().Be((HttpStatusCode.Unauthorized, "Bearer realm=\"metrics\""));
        wrongKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        item.InitiativeId.ToString().Should().Be(id);
        (scraped.StatusCode, scraped.Content.Headers.ContentType?.MediaType).Should().Be((HttpStatusCode.OK, "text/plain"));
        text.Should().Contain("# TYPE hub_graphql_operations_total counter")
            .And.Contain("# TYPE hub_delivery_lag_seconds histogram")
            .And.Contain("# TYPE hub_feed_connections gauge");
        new[]
        {
            Value(samples, "hub_graphql_operations_total", ("operation", "submitInitiative"), ("type", "mutation"), ("outcome", "ok")),
            Value(samples, "hub_delivery_lag_seconds_count"),
            Value(samples, "hub_feed_items_total"),
            Value(samples, "hub_feed_connections"),
            // The three refusals above; this scrape is counted once it has been answered.
            Value(samples, "hub_requests_total", ("area", "operator"), ("outcome", "client_error")),
            Value(samples, "hub_requests_total", ("area", "graphql"), ("outcome", "success")),
        }.Should().Equal(1, 1, 1, 1, 3, 1);
        samples.Should().Contain(s => s.Name == "http_server_request_duration_seconds_count", "the ASP.NET Core meter is exported")
            .And.Contain(s => s.Name.StartsWith("orleans_", StringComparison.Ordinal), "the Orleans meters are exported")
            .And.Contain(s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal), "the runtime meter is exported");
    }

    private static Task<HttpResponseMessage> Scrape(HttpClient http, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http.SendAsync(request);
    }

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>Prometheus' text format: <c>name{label="value",...} number</c> per line, comments skipped.</summary>
    private static List<Sample> Parse(string text) =>
        text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new Sample(
                match.Groups["name"].Value,
                LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The one sample of <paramref name="name"/> with (at least) these labels; fails when there is none or more than one.</summary>
    private static double Value(List<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Single(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var value) && value == l.Value)).Value;

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>[^""]*)""")]
    private static partial Regex LabelPair();
}
