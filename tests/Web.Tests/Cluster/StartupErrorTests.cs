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

    [Theory]
    [InlineData("Open", "", "haarlem-initiatives: Auth:Mode is 'Open', but it must be 'Development' (sign in as any persona, never in production) or 'OpenIdConnect'.")]
    [InlineData("OpenIdConnect", "", "haarlem-initiatives: Auth:SigningKey is missing: set a secret of at least 32 characters, the same on every node.")]
    [InlineData("OpenIdConnect", "short", "haarlem-initiatives: Auth:SigningKey has 5 characters, but it must have at least 32.")]
    [InlineData("OpenIdConnect", "a-test-signing-key-of-at-least-32-characters", "haarlem-initiatives: Auth:Residents:Authority and Auth:Residents:ClientId are required when Auth:Mode is OpenIdConnect.")]
    public async Task A_wrong_sign_in_setting_stops_the_node_with_one_clear_line(string mode, string key, string expected)
    {
        var settings = new Dictionary<string, string> { ["Auth:Mode"] = mode, ["Auth:SigningKey"] = key };

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be(expected);
    }

    [Fact]
    public async Task A_missing_link_secret_outside_development_stops_the_node_with_one_clear_line()
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:Mode"] = "OpenIdConnect",
            ["Auth:SigningKey"] = "a-test-signing-key-of-at-least-32-characters",
            ["Auth:Residents:Authority"] = "https://digid-broker.example/",
            ["Auth:Residents:ClientId"] = "hub",
            ["Auth:Officials:Authority"] = "https://login.haarlem.example/",
            ["Auth:Officials:ClientId"] = "hub",
        };

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be("haarlem-initiatives: Notifications:LinkSecret is missing: set a secret of at least 32 characters, the same on every node (it signs the unsubscribe links in emails).");
    }

    [Fact]
    public async Task A_boundaries_file_that_cannot_be_used_stops_the_node_with_one_line_naming_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("haarlem-neighbourhoods.geojson");
        await File.WriteAllTextAsync(path, """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "code": "atlantis" }, "geometry": { "type": "Polygon", "coordinates": [[[4.6,52.3],[4.7,52.3],[4.7,52.4],[4.6,52.3]]] } } ] }""");
        var settings = new Dictionary<string, string> { ["Seed:BoundariesFile"] = path };

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be($"haarlem-initiatives: Seed:BoundariesFile '{path}' cannot be used: feature 1 names no known neighbourhood (property 'code' 'atlantis', or 'wijkcode' or 'buurtcode' '').");
    }

    [Fact]
    public async Task A_tile_address_without_its_placeholders_stops_the_node_with_one_clear_line()
    {
        var settings = new Dictionary<string, string> { ["Map:TileUrl"] = "https://tiles.example/kaart.png" };

        var (exitCode, output) = await HubProcess.RunToExit(settings);

        exitCode.Should().Be(2);
        output.Trim().Should().Be("haarlem-initiatives: Map:TileUrl is 'https://tiles.example/kaart.png', but it must be an http(s) address with {z}, {x} and {y} in it (a tile server in web mercator), or 'none'.");
    }
}
