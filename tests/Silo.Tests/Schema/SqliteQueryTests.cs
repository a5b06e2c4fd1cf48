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
