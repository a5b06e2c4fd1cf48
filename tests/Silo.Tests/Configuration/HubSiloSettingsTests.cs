using System.Net;
using Haarlem.Initiatives.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace Haarlem.Initiatives.Silo.Tests.Configuration;

public sealed class HubSiloSettingsTests
{
    private static HubSiloSettings Read(params (string Key, string Value)[] settings) =>
        HubSiloSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
            "/srv/hub");

    [Fact]
    public void Without_settings_a_node_uses_SQLite_under_data_with_the_default_ports() =>
        Read().Should().Be(new HubSiloSettings
        {
            Provider = StorageProvider.Sqlite,
            SqlitePath = "/srv/hub/data/haarlem-initiatives.db",
            ClusterId = "haarlem-dev",
            ServiceId = "haarlem-initiatives",
            SiloPort = 11111,
            GatewayPort = 30000,
            ProbeTimeout = TimeSpan.FromSeconds(1),
            MissedProbesLimit = 3,
            Dashboard = true,
        });

    [Fact]
    public void Every_key_is_read()
    {
        var settings = Read(
            ("Storage:Provider", "postgresql"),
            ("Storage:ConnectionString", "Host=db;Database=hub"),
            ("Storage:SqlitePath", "/var/lib/hub.db"),
            ("Cluster:ClusterId", "prod"),
            ("Cluster:ServiceId", "haarlem"),
            ("Cluster:SiloPort", "22222"),
            ("Cluster:GatewayPort", "40000"),
            ("Cluster:AdvertisedAddress", "10.1.2.3"),
            ("Cluster:ProbeTimeoutMilliseconds", "2500"),
            ("Cluster:MissedProbesLimit", "4"),
            ("Cluster:Dashboard", "false"),
            ("Seed:NeighbourhoodsFile", "seed/zandvoort.json"),
            ("Seed:BoundariesFile", "seed/zandvoort.geojson"),
            ("Map:MunicipalityName", "Zandvoort"),
            ("Map:Bounds", "52.33, 4.50, 52.40, 4.56"));

        settings.Should().Be(new HubSiloSettings
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = "Host=db;Database=hub;Max Auto Prepare=64;Auto Prepare Min Usages=2;No Reset On Close=True",
            SqlitePath = "/var/lib/hub.db",
            ClusterId = "prod",
            ServiceId = "haarlem",
            SiloPort = 22222,
            GatewayPort = 40000,
            AdvertisedAddress = IPAddress.Parse("10.1.2.3"),
            ProbeTimeout = TimeSpan.FromMilliseconds(2500),
            MissedProbesLimit = 4,
            Dashboard = false,
            NeighbourhoodsFile = "/srv/hub/seed/zandvoort.json",
            BoundariesFile = "/srv/hub/seed/zandvoort.geojson",
            MunicipalityName = "Zandvoort",
            MapBounds = new Grains.Geo.GeoBounds(52.33, 4.50, 52.40, 4.56),
        });
    }

    [Theory]
    [InlineData("Host=db;Database=hub;Maximum Pool Size=50", "Host=db;Database=hub;Maximum Pool Size=50;Max Auto Prepare=64;Auto Prepare Min Usages=2;No Reset On Close=True")]
    [InlineData("Host=db;MaxAutoPrepare=0;no reset on close=false", "Host=db;Max Auto Prepare=0;No Reset On Close=False;Auto Prepare Min Usages=2")]
    [InlineData("Host=db;Auto Prepare Min Usages=5", "Host=db;Auto Prepare Min Usages=5;Max Auto Prepare=64;No Reset On Close=True")]
    public void A_PostgreSQL_connection_string_gets_prepared_statements_unless_the_operator_chose(string given, string used) =>
        Read(("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", given)).ConnectionString.Should().Be(used);

    [Theory]
    [InlineData("Storage:Provider", "Oracle", "Storage:Provider is 'Oracle', but it must be 'Sqlite' or 'PostgreSql'.")]
    [InlineData("Cluster:SiloPort", "70000", "Cluster:SiloPort is '70000', but it must be a port number from 1 to 65535.")]
    [InlineData("Cluster:GatewayPort", "gateway", "Cluster:GatewayPort is 'gateway', but it must be a port number from 1 to 65535.")]
    [InlineData("Cluster:ProbeTimeoutMilliseconds", "50", "Cluster:ProbeTimeoutMilliseconds is '50', but it must be a whole number from 100 to 60000.")]
    [InlineData("Cluster:ProbeTimeoutMilliseconds", "1.5", "Cluster:ProbeTimeoutMilliseconds is '1.5', but it must be a whole number from 100 to 60000.")]
    [InlineData("Cluster:MissedProbesLimit", "0", "Cluster:MissedProbesLimit is '0', but it must be a whole number from 1 to 10.")]
    [InlineData("Map:Bounds", "52.4,4.6,52.3,4.7", "Map:Bounds is '52.4,4.6,52.3,4.7', but it must be four numbers 'south,west,north,east' in WGS84 degrees, south below north and west below east.")]
    [InlineData("Cluster:Dashboard", "off", "Cluster:Dashboard is 'off', but it must be true or false.")]
    [InlineData("Map:Bounds", "Haarlem", "Map:Bounds is 'Haarlem', but it must be four numbers 'south,west,north,east' in WGS84 degrees, south below north and west below east.")]
    [InlineData("Cluster:AdvertisedAddress", "hub.local", "Cluster:AdvertisedAddress is 'hub.local', but it must be an IP address such as 10.0.0.5.")]
    public void A_wrong_setting_is_named_with_its_rule(string key, string value, string message) =>
        FluentActions.Invoking(() => Read((key, value)))
            .Should().Throw<HubConfigurationException>().WithMessage(message);
}
