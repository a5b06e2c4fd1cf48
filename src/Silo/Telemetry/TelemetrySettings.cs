using Haarlem.Initiatives.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace Haarlem.Initiatives.Silo.Telemetry;

/// <summary>The <c>Telemetry:*</c> keys (docs/operations.md, "Metrics and traces").</summary>
public sealed record TelemetrySettings(string ServiceName, string? MetricsKey, Uri? OtlpEndpoint, string OtlpProtocol)
{
    public const int MinimumKeyLength = 32;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        var serviceName = section["ServiceName"] is { Length: > 0 } name ? name.Trim() : "haarlem-initiatives";

        var key = section["MetricsKey"];
        if (string.IsNullOrEmpty(key))
        {
            key = null;
        }
        else if (key.Length < MinimumKeyLength)
        {
            throw new HubConfigurationException($"Telemetry:MetricsKey has {key.Length} characters, but it must have at least {MinimumKeyLength}.");
        }

        Uri? endpoint = null;
        if (section["OtlpEndpoint"] is { Length: > 0 } endpointText)
        {
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new HubConfigurationException($"Telemetry:OtlpEndpoint is '{endpointText}', but it must be an http or https address, for example http://collector:4317.");
            }
        }

        var protocol = section["OtlpProtocol"] is { Length: > 0 } protocolText ? protocolText.Trim() : "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            throw new HubConfigurationException($"Telemetry:OtlpProtocol is '{protocol}', but it must be 'grpc' or 'http/protobuf'.");
        }

        return new TelemetrySettings(serviceName, key, endpoint, protocol);
    }
}
