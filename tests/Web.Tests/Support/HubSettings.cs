using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>Node settings for tests: one database, free cluster ports per node.</summary>
public static class HubSettings
{
    public static Dictionary<string, string> Sqlite(string path) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Auth:Mode"] = "Development",
        ["Limits:WritesPerMinute"] = "0",
        ["Limits:RequestsPerMinute"] = "0",
        ["Storage:SqlitePath"] = path,
        ["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> PostgreSql(string connectionString, string clusterId) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Auth:Mode"] = "Development",
        ["Limits:WritesPerMinute"] = "0",
        ["Limits:RequestsPerMinute"] = "0",
        ["Storage:ConnectionString"] = connectionString,
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
