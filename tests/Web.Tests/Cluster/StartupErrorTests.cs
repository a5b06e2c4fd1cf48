using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>A node that cannot use its database stops with one line naming the setting, not a stack trace in a loop.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task An_unreachable_PostgreSQL_server_stops_the_node_with_one_clear_line()
    {
        var port = FreePort.Next();
        var settings = HubSettings.PostgreSql($"Host=127.0.0.1;Port={port};Username=hub;Database=hub;Timeout=3", "unreachable");

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be($"haarlem-initiatives: Storage:ConnectionString cannot be used: Failed to connect to 127.0.0.1:{port} (Connection refused)");
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_node_with_one_clear_line()
    {
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSql" };

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be("haarlem-initiatives: Storage:ConnectionString is empty, but Storage:Provider 'PostgreSql' needs it (for example Host=db;Database=haarlem;Username=hub;Password=...).");
    }
}
