using System.Data;
using System.Data.Common;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>A fresh SQLite file with our schema for each test.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly TempFolder _folder = new();

    public SqliteDatabase()
    {
        Path = _folder.File("hub.db");
        SqliteSchema.Apply(Path);
    }

    public string Path { get; }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(SqliteSchema.ConnectionString(Path));
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class SqliteGrainStorageQueryTests : GrainStorageQueryTests, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override DbConnection Open() => _database.Open();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Applying_the_schema_again_keeps_the_stored_state_and_the_file_stays_in_WAL_mode()
    {
        Run("WriteToStorageKey",
            ("GrainIdHash", 1, System.Data.DbType.Int32), ("GrainIdN0", 1L, System.Data.DbType.Int64), ("GrainIdN1", 1L, System.Data.DbType.Int64),
            ("GrainTypeHash", 1, System.Data.DbType.Int32), ("GrainTypeString", "kept", System.Data.DbType.String),
            ("GrainIdExtensionString", null, System.Data.DbType.String), ("ServiceId", "s", System.Data.DbType.String),
            ("GrainStateVersion", null, System.Data.DbType.Int32), ("PayloadBinary", new byte[] { 1 }, System.Data.DbType.Binary));

        SqliteSchema.Apply(_database.Path);

        using var connection = Open();
        Scalar(connection, "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'kept'").Should().Be(1L);
        Scalar(connection, "PRAGMA journal_mode").Should().Be("wal");
        Scalar(connection, "SELECT count(*) FROM OrleansQuery").Should().Be(10L);
    }
}

public sealed class SqliteReminderQueryTests : ReminderQueryTests, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override DbConnection Open() => _database.Open();

    public void Dispose() => _database.Dispose();
}

/// <summary>
/// A file from before 2026-12-07 keeps its grain states in a table without row ids; at start they
/// move to the table with row ids, whole and once, without noting anything for delivery.
/// </summary>
public sealed class SqliteStorageMoveTests : QueryContract, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override DbConnection Open() => _database.Open();

    public void Dispose() => _database.Dispose();

    /// <summary>Makes the file's grain storage what an older hub left: the table without row ids, its ledger trigger, two states.</summary>
    private void WriteOlderFile()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TABLE OrleansStorage;
            CREATE TABLE OrleansStorage
            (
                ServiceId TEXT NOT NULL, GrainTypeString TEXT NOT NULL, GrainIdN0 INTEGER NOT NULL, GrainIdN1 INTEGER NOT NULL,
                GrainIdExtensionString TEXT NOT NULL, GrainIdHash INTEGER NOT NULL, GrainTypeHash INTEGER NOT NULL,
                PayloadBinary BLOB NULL, ModifiedOn TEXT NOT NULL, Version INTEGER NOT NULL,
                PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
            ) WITHOUT ROWID;
            CREATE TRIGGER hub_delivery_pending_on_insert AFTER INSERT ON OrleansStorage
            WHEN NEW.GrainTypeString = 'initiative'
            BEGIN
                INSERT INTO hub_delivery_pending (ServiceId, GrainIdN0, GrainIdN1, Version, ModifiedOn)
                VALUES (NEW.ServiceId, NEW.GrainIdN0, NEW.GrainIdN1, NEW.Version, NEW.ModifiedOn);
            END;
            INSERT INTO OrleansStorage VALUES ('hub', 'initiative', 7, 8, '', 11, 12, CAST('{"Title":"Geveltuin"}' AS BLOB), '2026-12-01T10:00:00.000Z', 5);
            INSERT INTO OrleansStorage VALUES ('hub', 'person', 0, 0, 'resident-1', 13, 14, CAST('{"Name":"Truus"}' AS BLOB), '2026-12-01T10:00:01.000Z', 2);
            DELETE FROM hub_delivery_pending;
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void The_states_of_an_older_file_move_to_a_table_with_row_ids_whole_and_the_ledger_trigger_works_on_it()
    {
        WriteOlderFile();

        SqliteSchema.Apply(_database.Path);
        SqliteSchema.Apply(_database.Path);

        using var connection = Open();
        ((string)Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'OrleansStorage'")!)
            .Should().NotContainEquivalentOf("WITHOUT ROWID");
        Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'OrleansStorage_without_rowid'").Should().Be(0L);
        Scalar(connection, """
            SELECT group_concat(GrainTypeString || '|' || GrainIdN0 || '|' || GrainIdN1 || '|' || GrainIdExtensionString || '|' || GrainIdHash || '|'
                                || GrainTypeHash || '|' || CAST(PayloadBinary AS TEXT) || '|' || ModifiedOn || '|' || Version, ';')
            FROM (SELECT * FROM OrleansStorage ORDER BY GrainTypeString)
            """).Should().Be(
            "initiative|7|8||11|12|{\"Title\":\"Geveltuin\"}|2026-12-01T10:00:00.000Z|5;person|0|0|resident-1|13|14|{\"Name\":\"Truus\"}|2026-12-01T10:00:01.000Z|2");
        Scalar(connection, "SELECT count(*) FROM hub_delivery_pending").Should().Be(0L, "moving the states is no change to deliver");

        AsLong(Run("WriteToStorageKey",
            ("GrainIdHash", 11, DbType.Int32), ("GrainIdN0", 7L, DbType.Int64), ("GrainIdN1", 8L, DbType.Int64),
            ("GrainTypeHash", 12, DbType.Int32), ("GrainTypeString", "initiative", DbType.String),
            ("GrainIdExtensionString", null, DbType.String), ("ServiceId", "hub", DbType.String),
            ("GrainStateVersion", 5, DbType.Int32), ("PayloadBinary", "{\"Title\":\"Geveltuin 2\"}"u8.ToArray(), DbType.Binary))).Should().Be(6);
        Scalar(connection, "SELECT GrainIdN0 || '|' || GrainIdN1 || '|' || Version FROM hub_delivery_pending").Should().Be("7|8|6");
    }
}
