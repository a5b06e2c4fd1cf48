using System.Data;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>Our scripts against the query contract of Orleans' ADO.NET reminders, on each database.</summary>
public abstract class ReminderQueryTests : QueryContract
{
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private long? Upsert(string grain, string name, int hash, int periodMs = 60_000) =>
        AsLong(Run("UpsertReminderRowKey",
            ("ServiceId", "haarlem-tests", DbType.String),
            ("GrainHash", hash, DbType.Int32),
            ("GrainId", grain, DbType.String),
            ("ReminderName", name, DbType.String),
            ("StartTime", Start, DbType.DateTime),
            ("Period", periodMs, DbType.Int32)));

    private List<(string Grain, string Name, long Period, long Version)> Range(string key, int begin, int end) =>
        Rows(key, ("ServiceId", "haarlem-tests", DbType.String), ("BeginHash", begin, DbType.Int32), ("EndHash", end, DbType.Int32))
            .Select(r => ((string)r[0]!, (string)r[1]!, AsLong(r[3])!.Value, AsLong(r[4])!.Value))
            .OrderBy(r => r.Item1).ToList();

    [Fact]
    public void An_upsert_starts_at_version_0_and_each_change_adds_one()
    {
        Upsert("initiative/1", "step-deadline", 10).Should().Be(0);
        Upsert("initiative/1", "step-deadline", 10, periodMs: 120_000).Should().Be(1);

        var rows = Rows("ReadReminderRowKey",
            ("ServiceId", "haarlem-tests", DbType.String), ("GrainId", "initiative/1", DbType.String), ("ReminderName", "step-deadline", DbType.String));
        rows.Select(r => ((string)r[0]!, (string)r[1]!, AsLong(r[3]), AsLong(r[4]))).Should().Equal(("initiative/1", "step-deadline", 120_000L, 1L));
        Convert.ToDateTime(rows[0][2], System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().Should().Be(Start);
    }

    [Fact]
    public void A_grain_reads_all_its_reminders_and_ranges_of_the_hash_ring_select_by_hash()
    {
        Upsert("initiative/a", "one", -100);
        Upsert("initiative/a", "two", -100);
        Upsert("initiative/b", "one", 50);
        Upsert("initiative/c", "one", 900);

        Rows("ReadReminderRowsKey", ("ServiceId", "haarlem-tests", DbType.String), ("GrainId", "initiative/a", DbType.String))
            .Select(r => (string)r[1]!).Order().Should().Equal("one", "two");
        Range("ReadRangeRows1Key", -200, 50).Select(r => (r.Grain, r.Name)).Should().Equal(("initiative/a", "one"), ("initiative/a", "two"), ("initiative/b", "one"));
        Range("ReadRangeRows2Key", 800, -150).Select(r => r.Grain).Should().Equal("initiative/c");
    }

    [Fact]
    public void Deleting_needs_the_current_version()
    {
        Upsert("initiative/d", "one", 1);
        Upsert("initiative/d", "one", 1);

        Convert.ToBoolean(Run("DeleteReminderRowKey", Delete(version: 0)), System.Globalization.CultureInfo.InvariantCulture).Should().BeFalse();
        Convert.ToBoolean(Run("DeleteReminderRowKey", Delete(version: 1)), System.Globalization.CultureInfo.InvariantCulture).Should().BeTrue();

        Rows("ReadReminderRowsKey", ("ServiceId", "haarlem-tests", DbType.String), ("GrainId", "initiative/d", DbType.String)).Should().BeEmpty();
    }

    private static (string, object?, DbType)[] Delete(int version) =>
    [
        ("ServiceId", "haarlem-tests", DbType.String),
        ("GrainId", "initiative/d", DbType.String),
        ("ReminderName", "one", DbType.String),
        ("Version", version, DbType.Int32),
    ];
}
