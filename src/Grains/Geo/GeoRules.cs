using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Geo;

/// <summary>The rules for places: ranges, the municipality's area, the radii a resident can choose.</summary>
public static class GeoRules
{
    /// <summary>The radii a resident can follow around their home.</summary>
    public static readonly IReadOnlyList<int> HomeRadii = [250, 500, 1000];

    /// <summary>The widest circle a near filter takes.</summary>
    public const int MaxFilterRadiusMetres = 5000;

    public const string OutsideMunicipality = "OUTSIDE_MUNICIPALITY";

    /// <summary>
    /// Checks a point: both numbers present and within range, and inside the municipality.
    /// <paramref name="field"/> names the input (for example <c>location</c>).
    /// </summary>
    public static IEnumerable<UserError> Validate(GeoPoint point, string field, MunicipalityMap map)
    {
        var errors = Ranges(point, field).ToList();
        return errors.Count > 0 || map.Contains(point)
            ? errors
            : [new UserError(OutsideMunicipality, field, $"The place must lie within the municipality of {map.Name}.")];
    }

    /// <summary>
    /// Whether both numbers are degrees: a latitude from -90 to 90, a longitude from -180 to 180
    /// (a number that is not finite, such as one that could not be read, is out of range).
    /// </summary>
    public static IEnumerable<UserError> Ranges(GeoPoint point, string field)
    {
        if (!double.IsFinite(point.Latitude) || point.Latitude is < -90 or > 90)
        {
            yield return new UserError(UserErrorCodes.Invalid, $"{field}.latitude", "The latitude must be a number from -90 to 90 (degrees north, WGS84).");
        }

        if (!double.IsFinite(point.Longitude) || point.Longitude is < -180 or > 180)
        {
            yield return new UserError(UserErrorCodes.Invalid, $"{field}.longitude", "The longitude must be a number from -180 to 180 (degrees east, WGS84).");
        }
    }

    /// <summary>Checks a home area: a valid point and one of <see cref="HomeRadii"/>.</summary>
    public static IEnumerable<UserError> Validate(HomeArea home, MunicipalityMap map)
    {
        foreach (var error in Validate(home.Point, "home", map))
        {
            yield return error;
        }

        if (!HomeRadii.Contains(home.RadiusMetres))
        {
            yield return new UserError(UserErrorCodes.Invalid, "home.radiusMetres", "The radius must be 250, 500 or 1000 metres.");
        }
    }

    /// <summary>Checks a near filter: a point within range (it may lie outside the municipality) and a radius from 1 to 5,000 metres.</summary>
    public static IEnumerable<UserError> Validate(NearFilter near)
    {
        foreach (var error in Ranges(near.Point, "filter.near"))
        {
            yield return error;
        }

        if (near.RadiusMetres is < 1 or > MaxFilterRadiusMetres)
        {
            yield return new UserError(UserErrorCodes.Invalid, "filter.near.radiusMetres", $"The radius must be a whole number of metres from 1 to {MaxFilterRadiusMetres}.");
        }
    }
}
