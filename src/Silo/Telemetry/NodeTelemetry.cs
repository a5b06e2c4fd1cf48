using Haarlem.Initiatives.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Haarlem.Initiatives.Silo.Telemetry;

/// <summary>
/// What every node reports with OpenTelemetry: the runtime, Orleans and hub meters, Orleans'
/// traces across grain calls, and logs that carry the trace id. A web node adds its HTTP
/// instrumentation and the Prometheus endpoint; a grain-only node has no HTTP endpoint, so it
/// pushes over OTLP when <c>Telemetry:OtlpEndpoint</c> is set (docs/operations.md).
/// </summary>
public static class NodeTelemetry
{
    public static readonly string[] OrleansMeters = ["Microsoft.Orleans", "Microsoft.Orleans.GrainStorage"];

    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.GrainStorage"];

    /// <summary>The grain-only node's telemetry: OTLP push when configured, nothing otherwise.</summary>
    public static TelemetrySettings AddNodeTelemetry(this IHostApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (settings.OtlpEndpoint is null)
        {
            return settings;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, settings))
            .WithMetrics(metrics => metrics
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeters)
                .AddMeter(HubMetrics.MeterName)
                .AddOtlpExporter(options => Configure(options, settings, Signal.Metrics)))
            .WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddOtlpExporter(options => Configure(options, settings, Signal.Traces)));
        AddLogs(builder.Logging, settings);
        return settings;
    }

    /// <summary>The service name and this process as its instance.</summary>
    public static ResourceBuilder Describe(ResourceBuilder resource, TelemetrySettings settings) =>
        resource.AddService(settings.ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}");

    /// <summary>Logs over OTLP, with their scopes.</summary>
    public static void AddLogs(ILoggingBuilder logging, TelemetrySettings settings) =>
        logging.AddOpenTelemetry(options =>
        {
            options.IncludeScopes = true;
            options.AddOtlpExporter(exporter => Configure(exporter, settings, Signal.Logs));
        });

    /// <summary>The OTLP signals, by the path each has under an http/protobuf collector's address.</summary>
    public enum Signal
    {
        Metrics,
        Traces,
        Logs,
    }

    /// <summary>
    /// Points an exporter at the collector. Over http/protobuf each signal has its own path
    /// (<c>/v1/metrics</c>, <c>/v1/traces</c>, <c>/v1/logs</c>) under <c>Telemetry:OtlpEndpoint</c>:
    /// the SDK adds it only to an address from its environment variables, never to one set here.
    /// Over gRPC the address is used as it is.
    /// </summary>
    public static void Configure(OtlpExporterOptions options, TelemetrySettings settings, Signal signal)
    {
        var endpoint = settings.OtlpEndpoint!;
        if (settings.OtlpProtocol == "http/protobuf")
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal.ToString().ToLowerInvariant());
        }
        else
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
        }
    }
}
