namespace Haarlem.Initiatives.Grains.Norms;

/// <summary>
/// The generally recognised public holidays of the Algemene termijnenwet (art. 3): New Year's
/// Day, Easter Monday, King's Day (27 April, or 26 April when the 27th is a Sunday), Liberation
/// Day (5 May), Ascension Day, Whit Monday and both Christmas days. Easter Sunday and Whit Sunday
/// fall on Sundays anyway. Good Friday is not in that law and is not a holiday here.
/// </summary>
public static class DutchPublicHolidays
{
    // Every working-day count asks for a year's holidays: each year is worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<DateOnly>> Years = new();

    public static IReadOnlySet<DateOnly> For(int year) => Years.GetOrAdd(year, Compute);

    private static IReadOnlySet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(1),
            kingsDay.DayOfWeek == DayOfWeek.Sunday ? kingsDay.AddDays(-1) : kingsDay,
            new(year, 5, 5),
            easter.AddDays(39),
            easter.AddDays(50),
            new(year, 12, 25),
            new(year, 12, 26),
        };
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
