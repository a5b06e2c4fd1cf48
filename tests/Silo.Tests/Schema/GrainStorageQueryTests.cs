using System.Data;
using System.Text;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>
/// Our scripts against the query contract of Orleans' ADO.NET grain storage: the named queries,
/// their parameters, and the version rule that detects a second writer. Run on each database.
/// </summary>
public abstract class GrainStorageQueryTests : QueryContract
{
    [Fact]
    public void A_first_write_creates_version_1_and_each_write_with_the_current_version_adds_one()
    {
        Write(version: null, "a").Should().Be(1);
        Write(version: 1, "b").Should().Be(2);
        Write(version: 2, "c").Should().Be(3);

        Read().Should().Be(("c", 3L));
    }

    [Fact]
    public void A_write_with_a_stale_version_changes_nothing_and_returns_the_version_it_was_given()
    {
        Write(version: null, "a");
        Write(version: 1, "b");

        Write(version: 1, "stale").Should().Be(1);

        Read().Should().Be(("b", 2L));
    }

    [Fact]
    public void A_second_first_write_is_a_conflict()
    {
        Write(version: null, "a");

        Write(version: null, "again").Should().BeNull();

        Read().Should().Be(("a", 1L));
    }

    [Fact]
    public void A_write_with_a_version_for_a_missing_row_is_a_conflict()
    {
        Write(version: 4, "ghost").Should().Be(4);

        Read().Should().BeNull();
    }

    [Fact]
    public void Clearing_drops_the_payload_and_adds_one_to_the_version()
    {
        Write(version: null, "a");

        AsLong(Run("ClearStorageKey", [.. Key(null), ("GrainStateVersion", 1, DbType.Int32)])).Should().Be(2);

        Read().Should().Be(((string?)null, 2L));
    }

    [Fact]
    public void Grains_with_and_without_a_key_extension_are_kept_apart()
    {
        Write(version: null, "plain");
        Write(version: null, "extended", extension: "ext").Should().Be(1);

        Read().Should().Be(("plain", 1L));
        Read(extension: "ext").Should().Be(("extended", 1L));
    }

    [Fact]
    public void Every_write_of_an_initiative_notes_it_in_the_pending_ledger_with_its_version_and_other_grains_do_not()
    {
        Write(version: null, "a");
        Write(version: 1, "b");
        AsLong(Run("WriteToStorageKey",
        [
            .. Key(null, grainType: "neighbourhood"),
            ("GrainStateVersion", null, DbType.Int32),
            ("PayloadBinary", Encoding.UTF8.GetBytes("n"), DbType.Binary),
        ])).Should().Be(1);
        Write(version: 1, "stale");

        using var connection = Open();
        Scalar(connection, "SELECT count(*) FROM hub_delivery_pending").Should().Be(1L);
        AsLong(Scalar(connection, "SELECT Version FROM hub_delivery_pending WHERE ServiceId = 'haarlem-tests' AND GrainIdN0 = 7 AND GrainIdN1 = 8")).Should().Be(2);
    }

    [Fact]
    public void The_ledger_key_is_the_storage_key_of_a_grain_with_a_guid_key()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var bytes = id.ToByteArray();

        Delivery.LedgerKey.From(id).Should().Be((BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8)));
        Delivery.LedgerKey.ToGuid(BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8)).Should().Be(id);
    }

    private long? Write(int? version, string payload, string? extension = null) =>
        AsLong(Run("WriteToStorageKey",
        [
            .. Key(extension),
            ("GrainStateVersion", version, DbType.Int32),
            ("PayloadBinary", Encoding.UTF8.GetBytes(payload), DbType.Binary),
        ]));

    private (string? Payload, long Version)? Read(string? extension = null)
    {
        var rows = Rows("ReadFromStorageKey", Key(extension));
        rows.Count.Should().BeLessThanOrEqualTo(1, "one grain has one row");
        return rows.Count == 0
            ? null
            : (rows[0][0] is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null, AsLong(rows[0][1])!.Value);
    }

    // The parameters Orleans binds, with the types it gives them.
    private static (string, object?, DbType)[] Key(string? extension, string grainType = "initiative") =>
    [
        ("GrainIdHash", 12345, DbType.Int32),
        ("GrainIdN0", 7L, DbType.Int64),
        ("GrainIdN1", 8L, DbType.Int64),
        ("GrainTypeHash", 678, DbType.Int32),
        ("GrainTypeString", grainType, DbType.String),
        ("GrainIdExtensionString", extension, DbType.String),
        ("ServiceId", "haarlem-tests", DbType.String),
    ];
}
