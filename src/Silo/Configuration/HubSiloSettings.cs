using System.Net;
using Microsoft.Extensions.Configuration;

namespace Haarlem.Initiatives.Silo.Configuration;

/// <summary>
/// The settings that say how a node runs, read from configuration (appsettings, environment
/// variables such as <c>Storage__Provider</c>, or the command line). docs/operations.md lists them.
/// </summary>
public sealed record HubSiloSettings
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the content root.</summary>
    public string SqlitePath { get; init; } = Path.Combine("data", "haarlem-initiatives.db");

    /// <summary>The PostgreSQL connection string.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Whether a node applies the schema scripts when it starts (else: an explicit --apply-schema run).</summary>
    public bool ApplySchemaOnStart { get; init; } = true;

    public string ClusterId { get; init; } = "haarlem-dev";

    public string ServiceId { get; init; } = "haarlem-initiatives";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>
    /// How long a node waits for another's answer to a liveness probe at first (Orleans adapts it
    /// between half and four times this to the answers it sees). With <see cref="MissedProbesLimit"/>
    /// it sets how soon a dead node is declared dead: docs/operations.md, "When a node dies".
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many probes in a row a node may miss before the others vote it dead.</summary>
    public int MissedProbesLimit { get; init; } = 3;

    /// <summary>
    /// Whether the node collects the Orleans Dashboard's figures and the web node serves it at
    /// <c>/dashboard</c>. Its collector reads Orleans' meters every second, at a cost that grows
    /// with the number of active grains (measured: 8% of a busy 2-core node with 40,000 of them),
    /// and it times every grain call; <c>/metrics</c> gives operators the same figures without
    /// that (docs/operations.md, "Orleans Dashboard").
    /// </summary>
    public bool Dashboard { get; init; } = true;

    /// <summary>The neighbourhoods file; empty means the Haarlem file shipped with the hub.</summary>
    public string? NeighbourhoodsFile { get; init; }

    /// <summary>The neighbourhood boundaries (GeoJSON); empty means the default file next to the neighbourhoods file, if there is one.</summary>
    public string? BoundariesFile { get; init; }

    /// <summary>The municipality's name, as errors about places name it.</summary>
    public string MunicipalityName { get; init; } = "Haarlem";

    /// <summary>The rectangle around the municipality (WGS84): where places may lie without boundaries, and where maps start.</summary>
    public Grains.Geo.GeoBounds MapBounds { get; init; } = Grains.Geo.MunicipalityMap.HaarlemBounds;

    public static HubSiloSettings From(IConfiguration configuration, string contentRoot)
    {
        var defaults = new HubSiloSettings();
        var providerText = configuration["Storage:Provider"];
        var provider = defaults.Provider;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new HubConfigurationException(
                $"Storage:Provider is '{providerText}', but it must be 'Sqlite' or 'PostgreSql'.");
        }

        var sqlitePath = configuration["Storage:SqlitePath"];
        var advertised = configuration["Cluster:AdvertisedAddress"];
        IPAddress? advertisedAddress = null;
        if (!string.IsNullOrWhiteSpace(advertised) && !IPAddress.TryParse(advertised, out advertisedAddress))
        {
            throw new HubConfigurationException(
                $"Cluster:AdvertisedAddress is '{advertised}', but it must be an IP address such as 10.0.0.5.");
        }

        return new HubSiloSettings
        {
            Provider = provider,
            SqlitePath = Path.GetFullPath(string.IsNullOrWhiteSpace(sqlitePath) ? defaults.SqlitePath : sqlitePath, contentRoot),
            ConnectionString = provider == StorageProvider.PostgreSql ? Schema.PostgreSqlSchema.Tuned(configuration["Storage:ConnectionString"]) : configuration["Storage:ConnectionString"],
            ApplySchemaOnStart = Flag(configuration, "Storage:ApplySchemaOnStart", defaults.ApplySchemaOnStart),
            ClusterId = configuration["Cluster:ClusterId"] is { Length: > 0 } clusterId ? clusterId : defaults.ClusterId,
            ServiceId = configuration["Cluster:ServiceId"] is { Length: > 0 } serviceId ? serviceId : defaults.ServiceId,
            SiloPort = Port(configuration, "Cluster:SiloPort", defaults.SiloPort),
            GatewayPort = Port(configuration, "Cluster:GatewayPort", defaults.GatewayPort),
            AdvertisedAddress = advertisedAddress,
            ProbeTimeout = TimeSpan.FromMilliseconds(Number(configuration, "Cluster:ProbeTimeoutMilliseconds", (int)defaults.ProbeTimeout.TotalMilliseconds, 100, 60_000)),
            MissedProbesLimit = Number(configuration, "Cluster:MissedProbesLimit", defaults.MissedProbesLimit, 1, 10),
            Dashboard = Flag(configuration, "Cluster:Dashboard", defaults.Dashboard),
            NeighbourhoodsFile = configuration["Seed:NeighbourhoodsFile"] is { Length: > 0 } file
                ? Path.GetFullPath(file, contentRoot)
                : null,
            BoundariesFile = configuration["Seed:BoundariesFile"] is { Length: > 0 } boundaries
                ? Path.GetFullPath(boundaries, contentRoot)
                : null,
            MunicipalityName = configuration["Map:MunicipalityName"] is { Length: > 0 } name ? name : defaults.MunicipalityName,
            MapBounds = Bounds(configuration, "Map:Bounds", defaults.MapBounds),
        };
    }

    private static Grains.Geo.GeoBounds Bounds(IConfiguration configuration, string key, Grains.Geo.GeoBounds fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        return numbers.Length == 4 && numbers.All(double.IsFinite) &&
               numbers[0] is >= -90 and <= 90 && numbers[2] is >= -90 and <= 90 && numbers[0] < numbers[2] &&
               numbers[1] is >= -180 and <= 180 && numbers[3] is >= -180 and <= 180 && numbers[1] < numbers[3]
            ? new Grains.Geo.GeoBounds(numbers[0], numbers[1], numbers[2], numbers[3])
            : throw new HubConfigurationException($"{key} is '{text}', but it must be four numbers 'south,west,north,east' in WGS84 degrees, south below north and west below east.");
    }

    private static bool Flag(IConfiguration configuration, string key, bool fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return bool.TryParse(text, out var flag)
            ? flag
            : throw new HubConfigurationException($"{key} is '{text}', but it must be true or false.");
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new HubConfigurationException($"{key} is '{text}', but it must be a whole number from {min} to {max}.");
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var port) && port is > 0 and < 65536
            ? port
            : throw new HubConfigurationException($"{key} is '{text}', but it must be a port number from 1 to 65535.");
    }
}
