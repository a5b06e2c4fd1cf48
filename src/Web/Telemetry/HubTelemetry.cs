using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Silo.Telemetry;
using Haarlem.Initiatives.Web.Feed;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Haarlem.Initiatives.Web.Telemetry;

/// <summary>
/// Metrics and traces with OpenTelemetry: the ASP.NET Core, HTTP client, runtime and Orleans
/// meters and the hub's own (<see cref="HubMetrics.MeterName"/>), scraped by Prometheus at
/// <see cref="MetricsPath"/> and, when <c>Telemetry:OtlpEndpoint</c> is set, pushed with traces
/// and logs over OTLP. Log lines carry the trace id. docs/operations.md says what each metric means.
/// </summary>
public static class HubTelemetry
{
    public const string MetricsPath = "/metrics";

    public static TelemetrySettings AddHubTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<WebMetrics>();

        // Every log line written during a request names its trace (and span) id.
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => NodeTelemetry.Describe(resource, settings))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(NodeTelemetry.OrleansMeters)
                    .AddMeter(HubMetrics.MeterName)
                    // Prometheus asks every 15 s or so; an answer is never older than the scrape.
                    .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (settings.OtlpEndpoint is not null)
                {
                    metrics.AddOtlpExporter(options => NodeTelemetry.Configure(options, settings, NodeTelemetry.Signal.Metrics));
                }
            });

        if (settings.OtlpEndpoint is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperatorPath(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(NodeTelemetry.OrleansSources)
                .AddOtlpExporter(options => NodeTelemetry.Configure(options, settings, NodeTelemetry.Signal.Traces)));
            NodeTelemetry.AddLogs(builder.Logging, settings);
        }

        return settings;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus' text format, for a scraper that sends
    /// <c>Authorization: Bearer {Telemetry:MetricsKey}</c> or for a signed-in admin; 401 otherwise
    /// (403 for someone signed in without the right). Must follow authentication in the pipeline.
    /// </summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(GuardMetrics));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static async Task GuardMetrics(HttpContext context, RequestDelegate next)
    {
        var settings = context.RequestServices.GetRequiredService<TelemetrySettings>();
        if (settings.MetricsKey is { } key && HasKey(context.Request, key))
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            var allowed = await authorization.AuthorizeAsync(context.User, null, new HubActionRequirement(HubAction.OperateCluster).PolicyName);
            if (allowed.Succeeded)
            {
                await next(context);
                return;
            }

            await Refuse(context, StatusCodes.Status403Forbidden, "Metrics are for the hub's operators (admins) and the configured scraper.");
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        await Refuse(context, StatusCodes.Status401Unauthorized,
            "Send Authorization: Bearer with the key in Telemetry:MetricsKey, or sign in as an admin.");
    }

    private static bool HasKey(HttpRequest request, string key)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }

    private static bool IsOperatorPath(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}

/// <summary>The web process's own instruments: requests by area and outcome, and live connections.</summary>
public sealed class WebMetrics
{
    private readonly Counter<long> _requests;

    public WebMetrics(IMeterFactory meters, FeedConnections connections)
    {
        var meter = meters.Create(HubMetrics.MeterName);
        _requests = meter.CreateCounter<long>("hub.requests", "{request}",
            "HTTP requests by area (page, graphql, feed, auth, static, operator, other) and outcome (success, client_error, server_error).");
        meter.CreateObservableGauge("hub.feed.connections", () => connections.Open, "{connection}",
            "Live SignalR connections to the feed hub on this node.");
    }

    /// <summary>Counts every request; put first in the pipeline so a failure further on is counted as a 500.</summary>
    public async Task Count(HttpContext context, RequestDelegate next)
    {
        var area = AreaOf(context.Request.Path);
        try
        {
            await next(context);
        }
        catch
        {
            Record(area, StatusCodes.Status500InternalServerError);
            throw;
        }

        Record(area, context.Response.StatusCode);
    }

    private void Record(string area, int status) =>
        _requests.Add(1, new TagList
        {
            { "area", area },
            { "outcome", status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success" },
        });

    private static string AreaOf(PathString path) =>
        path.StartsWithSegments("/graphql/ui") ? "page"
        : path.StartsWithSegments("/graphql") ? "graphql"
        : path.StartsWithSegments(FeedHub.Path) ? "feed"
        : path.StartsWithSegments("/auth") || path.StartsWithSegments("/account") || path.StartsWithSegments(Addresses.DutchAddresses.MyDetails) ? "auth"
        : path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || Path.HasExtension(path.Value) ? "static"
        : path.StartsWithSegments("/health") || path.StartsWithSegments(HubTelemetry.MetricsPath) || path.StartsWithSegments("/dashboard") ? "operator"
        : "page";
}
