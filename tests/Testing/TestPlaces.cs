using Haarlem.Initiatives.Grains.Geo;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// Places for tests, measured on the sphere (the great-circle formulas), independently of the
/// hub's own distance: a test that puts a point 300 m away knows it is 300 m away.
/// </summary>
public static class TestPlaces
{
    /// <summary>The Grote Markt in Haarlem.</summary>
    public static readonly GeoPoint GroteMarkt = new(52.381176, 4.636688);

    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The point <paramref name="metres"/> from <paramref name="from"/> in the direction <paramref name="bearingDegrees"/> (0 north, 90 east).</summary>
    public static GeoPoint Towards(this GeoPoint from, double bearingDegrees, double metres)
    {
        var angle = metres / EarthRadiusMetres;
        var bearing = bearingDegrees * Math.PI / 180;
        var lat1 = from.Latitude * Math.PI / 180;
        var lon1 = from.Longitude * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(angle) + Math.Cos(lat1) * Math.Sin(angle) * Math.Cos(bearing));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angle) * Math.Cos(lat1), Math.Cos(angle) - Math.Sin(lat1) * Math.Sin(lat2));
        return new GeoPoint(lat2 * 180 / Math.PI, lon2 * 180 / Math.PI);
    }

    /// <summary>The great-circle distance (haversine).</summary>
    public static double MetresTo(this GeoPoint a, GeoPoint b)
    {
        var dLat = (b.Latitude - a.Latitude) * Math.PI / 180;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(a.Latitude * Math.PI / 180) * Math.Cos(b.Latitude * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(h));
    }
}
