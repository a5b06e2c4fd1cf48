using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Haarlem.Initiatives.Silo.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    private static TelemetrySettings From(params (string Key, string Value)[] values) =>
        TelemetrySettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Without_settings_metrics_need_an_admin_and_nothing_is_pushed()
    {
        From().Should().Be(new TelemetrySettings("haarlem-initiatives", null, null, "grpc"));
    }

    [Fact]
    public void Every_key_is_read()
    {
        From(("Telemetry:ServiceName", "hub-haarlem"), ("Telemetry:MetricsKey", new string('k', 32)),
                ("Telemetry:OtlpEndpoint", "http://collector:4318"), ("Telemetry:OtlpProtocol", "http/protobuf"))
            .Should().Be(new TelemetrySettings("hub-haarlem", new string('k', 32), new Uri("http://collector:4318"), "http/protobuf"));
    }

    [Theory]
    [InlineData("Telemetry:MetricsKey", "short", "Telemetry:MetricsKey has 5 characters, but it must have at least 32.")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint is 'collector:4317', but it must be an http or https address, for example http://collector:4317.")]
    [InlineData("Telemetry:OtlpEndpoint", "/otlp", "Telemetry:OtlpEndpoint is '/otlp', but it must be an http or https address, for example http://collector:4317.")]
    [InlineData("Telemetry:OtlpProtocol", "udp", "Telemetry:OtlpProtocol is 'udp', but it must be 'grpc' or 'http/protobuf'.")]
    public void A_wrong_setting_is_one_clear_line_naming_the_key_and_the_rule(string key, string value, string expected)
    {
        var read = () => From((key, value));

        read.Should().Throw<HubConfigurationException>().Which.Message.Should().Be(expected);
    }
}
