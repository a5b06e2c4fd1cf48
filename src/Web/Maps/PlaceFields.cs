using System.Globalization;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Geo;

namespace Haarlem.Initiatives.Web.Maps;

/// <summary>A place typed in a form as two numbers (a point or a comma as the decimal sign, as people type them in Dutch).</summary>
public static class PlaceFields
{
    public sealed record Result(GeoPoint? Point, IReadOnlyList<UserError> Errors);

    public static Result Parse(string? latitude, string? longitude, string field)
    {
        if (string.IsNullOrWhiteSpace(latitude) && string.IsNullOrWhiteSpace(longitude))
        {
            return new Result(null, [new UserError(UserErrorCodes.Required, field, "Give a latitude and a longitude, or choose the place on the map.")]);
        }

        var errors = new List<UserError>();
        var lat = Number(latitude);
        var lon = Number(longitude);
        if (lat is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, $"{field}.latitude", "The latitude must be a number from -90 to 90 (degrees north, WGS84)."));
        }

        if (lon is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, $"{field}.longitude", "The longitude must be a number from -180 to 180 (degrees east, WGS84)."));
        }

        return errors.Count > 0 ? new Result(null, errors) : new Result(new GeoPoint(lat!.Value, lon!.Value), []);
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
}
