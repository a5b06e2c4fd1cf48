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

        // A number that cannot be read is not finite, so the range rule names its field.
        var point = new GeoPoint(Number(latitude), Number(longitude));
        var errors = GeoRules.Ranges(point, field).ToList();
        return errors.Count > 0 ? new Result(null, errors) : new Result(point, []);
    }

    private static double Number(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;
}
