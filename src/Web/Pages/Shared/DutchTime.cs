using System.Globalization;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>Dates and times as people in Haarlem read them: Dutch words, Amsterdam time, whatever the server's zone.</summary>
public static class DutchTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string DateAndTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, WorkingDays.Netherlands).ToString("d MMMM yyyy, HH:mm", Culture);

    public static string Date(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, WorkingDays.Netherlands).ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Culture);
}
