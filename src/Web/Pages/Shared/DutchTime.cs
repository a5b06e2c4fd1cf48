using System.Globalization;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>Dates and times as people in Haarlem read them: Amsterdam time, whatever the server's zone, in the words of the page's language.</summary>
public static class DutchTime
{
    /// <summary>The page's language (Dutch unless the person chose another).</summary>
    public static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string DateAndTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, WorkingDays.Netherlands).ToString("d MMMM yyyy, HH:mm", Culture);

    public static string Date(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, WorkingDays.Netherlands).ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Culture);
}
