using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Tests.Norms;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_falls_on_the_known_dates(int year, int month, int day) =>
        DutchPublicHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Fact]
    public void The_holidays_of_2026_are_those_of_the_Algemene_termijnenwet() =>
        DutchPublicHolidays.For(2026).Order().Should().Equal(
            new DateOnly(2026, 1, 1),   // Nieuwjaarsdag
            new DateOnly(2026, 4, 6),   // Tweede Paasdag
            new DateOnly(2026, 4, 27),  // Koningsdag
            new DateOnly(2026, 5, 5),   // Bevrijdingsdag
            new DateOnly(2026, 5, 14),  // Hemelvaartsdag
            new DateOnly(2026, 5, 25),  // Tweede Pinksterdag
            new DateOnly(2026, 12, 25),
            new DateOnly(2026, 12, 26));

    [Fact]
    public void Kings_Day_moves_to_Saturday_when_27_April_is_a_Sunday() =>
        DutchPublicHolidays.For(2025).Should().Contain(new DateOnly(2025, 4, 26)).And.NotContain(new DateOnly(2025, 4, 27));

    [Theory]
    [InlineData("2026-03-02", 5, "2026-03-09")]   // Monday + 5 working days: the next Monday
    [InlineData("2026-03-06", 1, "2026-03-09")]   // Friday + 1: over the weekend
    [InlineData("2026-03-07", 1, "2026-03-09")]   // from a Saturday
    [InlineData("2026-04-02", 2, "2026-04-07")]   // Thursday before Easter: Good Friday counts, Easter Monday does not
    [InlineData("2026-12-23", 3, "2026-12-29")]   // over Christmas
    [InlineData("2026-04-24", 3, "2026-04-30")]   // over King's Day (Monday 27 April)
    [InlineData("2026-05-04", 5, "2026-05-12")]   // over Liberation Day (Tuesday 5 May)
    [InlineData("2026-05-13", 1, "2026-05-15")]   // over Ascension Day
    [InlineData("2026-03-02", 0, "2026-03-02")]
    public void Adding_working_days_skips_weekends_and_public_holidays(string start, int days, string expected) =>
        WorkingDays.Add(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days)
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-03-02", "2026-03-09", 5)]
    [InlineData("2026-12-23", "2026-12-29", 3)]
    [InlineData("2026-03-09", "2026-03-02", 0)]
    public void Counting_working_days_between_two_days_is_the_inverse_of_adding(string from, string to, int expected) =>
        WorkingDays.Between(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(expected);

    [Fact]
    public void A_moment_late_in_the_evening_UTC_is_already_the_next_day_in_Haarlem() =>
        WorkingDays.DayOf(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 7, 1));
}
