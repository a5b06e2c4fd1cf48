using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Haarlem.Initiatives.Grains.Geo;

/// <summary>
/// The municipality on the map: the area a place must lie in, and (when a boundaries file is
/// loaded) which neighbourhood a point lies in. Geometry is NetTopologySuite's: point-in-polygon on
/// WGS84 degrees, distances in metres on a local plane (see <see cref="DistanceMetres"/>).
/// </summary>
/// <remarks>
/// Without neighbourhood boundaries the area is <see cref="Bounds"/>, a rectangle around the
/// municipality (docs/ui.md, "Maps"). With boundaries it is their union, and a point decides
/// its neighbourhood.
/// </remarks>
public sealed class MunicipalityMap
{
    /// <summary>A rectangle around the municipality of Haarlem (WGS84): Haarlem-Noord to Schalkwijk, Zuid-West to Spaarndam-Oost.</summary>
    public static readonly GeoBounds HaarlemBounds = new(52.335, 4.585, 52.435, 4.705);

    /// <summary>Haarlem without neighbourhood boundaries (what the hub ships).</summary>
    public static MunicipalityMap Haarlem { get; } = new("Haarlem", HaarlemBounds, null);

    // The mean earth radius (IUGG), for the local plane.
    private const double EarthRadiusMetres = 6_371_008.8;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private readonly IReadOnlyList<(string Code, IPreparedGeometry Area)> _neighbourhoods;

    public MunicipalityMap(string name, GeoBounds bounds, IReadOnlyDictionary<string, Geometry>? boundaries)
    {
        Name = name;
        Bounds = bounds;
        _neighbourhoods = (boundaries ?? new Dictionary<string, Geometry>())
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => (b.Key, PreparedGeometryFactory.Prepare(b.Value)))
            .ToList();
    }

    public string Name { get; }

    /// <summary>The rectangle a place must lie in when no boundaries are loaded; also where the maps start.</summary>
    public GeoBounds Bounds { get; }

    /// <summary>Whether neighbourhood boundaries are loaded (then a point decides its neighbourhood).</summary>
    public bool HasBoundaries => _neighbourhoods.Count > 0;

    /// <summary>The neighbourhood codes that have a boundary.</summary>
    public IEnumerable<string> NeighbourhoodsWithBoundary => _neighbourhoods.Select(n => n.Code);

    public bool Contains(GeoPoint point) =>
        HasBoundaries ? NeighbourhoodOf(point) is not null : Bounds.Contains(point);

    /// <summary>The neighbourhood whose boundary holds <paramref name="point"/>; null without boundaries or outside them.</summary>
    public string? NeighbourhoodOf(GeoPoint point)
    {
        var at = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        foreach (var (code, area) in _neighbourhoods)
        {
            if (area.Covers(at))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>
    /// The neighbourhoods whose boundary meets the circle (a superset: the circle's enclosing
    /// rectangle is tested); null without boundaries, when any neighbourhood may hold any place.
    /// </summary>
    public IReadOnlySet<string>? NeighbourhoodsMeeting(GeoPoint centre, double metres)
    {
        if (!HasBoundaries)
        {
            return null;
        }

        var rectangle = Factory.ToGeometry(Around(centre, metres));
        return _neighbourhoods.Where(n => n.Area.Intersects(rectangle)).Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The distance in metres. Both points are laid on a plane through their mean latitude
    /// (equirectangular; within a municipality it differs from the great-circle distance by far less
    /// than a metre) and NetTopologySuite measures there.
    /// </summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        var scale = Math.Cos((a.Latitude + b.Latitude) / 2 * Math.PI / 180);
        return OnPlane(a, scale).Distance(OnPlane(b, scale));
    }

    /// <summary>The rectangle (in degrees) that holds every point within <paramref name="metres"/> of <paramref name="centre"/>.</summary>
    public static Envelope Around(GeoPoint centre, double metres)
    {
        var latitude = metres / EarthRadiusMetres * 180 / Math.PI;
        var longitude = latitude / Math.Max(Math.Cos(centre.Latitude * Math.PI / 180), 1e-6);
        return new Envelope(centre.Longitude - longitude, centre.Longitude + longitude, centre.Latitude - latitude, centre.Latitude + latitude);
    }

    private static Coordinate OnPlane(GeoPoint point, double scale) => new(
        EarthRadiusMetres * point.Longitude * Math.PI / 180 * scale,
        EarthRadiusMetres * point.Latitude * Math.PI / 180);
}
