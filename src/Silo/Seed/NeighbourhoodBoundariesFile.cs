using System.Text.Json;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo.Configuration;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Haarlem.Initiatives.Silo.Seed;

/// <summary>
/// Reads neighbourhood boundaries from a GeoJSON file next to the neighbourhoods file (for
/// Haarlem: the CBS Wijk- en Buurtkaart, converted to WGS84). A FeatureCollection; each feature a
/// Polygon or MultiPolygon with the property <c>code</c> (the hub's neighbourhood code), or
/// <c>wijkcode</c> or <c>buurtcode</c> (the CBS code in the neighbourhoods file; Haarlem's
/// neighbourhoods are CBS wijken, WK0392..). The hub ships none: docs/ui.md, "Maps".
/// </summary>
public static class NeighbourhoodBoundariesFile
{
    public const string DefaultFileName = "haarlem-neighbourhoods.geojson";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Seed", DefaultFileName);

    /// <summary>
    /// The municipality's map from configuration: the file named by <c>Seed:BoundariesFile</c>
    /// (it must exist), else the default file if it is there, else none.
    /// </summary>
    public static MunicipalityMap Load(HubSiloSettings settings)
    {
        var path = settings.BoundariesFile ?? (File.Exists(DefaultPath) ? DefaultPath : null);
        if (path is null)
        {
            return new MunicipalityMap(settings.MunicipalityName, settings.MapBounds, null);
        }

        var neighbourhoods = NeighbourhoodSeedFile.Read(settings.NeighbourhoodsFile ?? NeighbourhoodSeedFile.DefaultPath);
        return new MunicipalityMap(settings.MunicipalityName, settings.MapBounds, Read(path, neighbourhoods));
    }

    public static IReadOnlyDictionary<string, Geometry> Read(string path, IReadOnlyList<NeighbourhoodInfo> neighbourhoods)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw Problem(path, $"it is not a GeoJSON FeatureCollection ({exception.Message.ReplaceLineEndings(" ")})");
        }

        if (collection is null || collection.Count == 0)
        {
            throw Problem(path, "it holds no features");
        }

        var byCode = neighbourhoods.ToDictionary(n => n.Code, StringComparer.Ordinal);
        var byCbs = neighbourhoods.Where(n => n.CbsCode is not null).ToDictionary(n => n.CbsCode!, StringComparer.OrdinalIgnoreCase);
        var boundaries = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        for (var i = 0; i < collection.Count; i++)
        {
            var feature = collection[i];
            var code = Text(feature, "code");
            var cbs = Text(feature, "wijkcode") ?? Text(feature, "buurtcode");
            var neighbourhood = code is not null && byCode.TryGetValue(code, out var c) ? c
                : cbs is not null && byCbs.TryGetValue(cbs, out var b) ? b
                : null;
            if (neighbourhood is null)
            {
                throw Problem(path, $"feature {i + 1} names no known neighbourhood (property 'code' '{code}', or 'wijkcode' or 'buurtcode' '{cbs}')");
            }

            if (feature.Geometry is not (Polygon or MultiPolygon) || !feature.Geometry.IsValid)
            {
                throw Problem(path, $"feature {i + 1} ({neighbourhood.Code}) needs a valid Polygon or MultiPolygon");
            }

            var envelope = feature.Geometry.EnvelopeInternal;
            if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
            {
                throw Problem(path, $"feature {i + 1} ({neighbourhood.Code}) has coordinates outside WGS84 degrees (convert RD New first, for example: ogr2ogr -t_srs EPSG:4326)");
            }

            if (!boundaries.TryAdd(neighbourhood.Code, feature.Geometry))
            {
                throw Problem(path, $"neighbourhood {neighbourhood.Code} has two boundaries");
            }
        }

        return boundaries;
    }

    private static string? Text(IFeature feature, string name) =>
        feature.Attributes is { } attributes && attributes.Exists(name) && attributes[name] is { } value ? value.ToString()?.Trim() : null;

    private static HubConfigurationException Problem(string path, string what) =>
        new($"Seed:BoundariesFile '{path}' cannot be used: {what}.");
}
