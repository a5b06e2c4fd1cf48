namespace Haarlem.Initiatives.Grains.Norms;

/// <summary>
/// Working days as the municipality counts them for service norms: Monday to Friday, without the
/// Dutch public holidays, on the calendar of Amsterdam time (Haarlem's).
/// </summary>
public static class WorkingDays
{
    public static readonly TimeZoneInfo Netherlands = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchPublicHolidays.For(day.Year).Contains(day);

    /// <summary>The calendar day in the Netherlands of a moment.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Netherlands).DateTime);

    /// <summary>
    /// The day on which a period of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> ends: the start day itself is not counted (as the Algemene
    /// termijnenwet counts periods), so 5 working days from a Monday end on the next Monday.
    /// </summary>
    public static DateOnly Add(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to is not later).</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
