using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>
/// Our SQLite scripts against the query contract of Orleans' ADO.NET grain storage: the named
/// queries, their parameters, and the version rule that detects a second writer.
/// </summary>
public sealed class SqliteGrainStorageQueryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _path;

    public SqliteGrainStorageQueryTests()
    {
        _path = _folder.File("hub.db");
        SqliteSchema.Apply(_path);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void Applying_the_schema_again_keeps_the_stored_state()
    {
        Write(version: null, "first").Should().Be(1);

        SqliteSchema.Apply(_path);

        Read().Should().Be(("first", 1L));
    }

    [Fact]
    public void The_database_runs_in_WAL_mode_and_holds_the_three_storage_queries()
    {
        using var connection = Open();
        Scalar(connection, "PRAGMA journal_mode").Should().Be("wal");
        Scalar(connection, "SELECT group_concat(QueryKey, ',') FROM (SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey)")
            .Should().Be("ClearStorageKey,ReadFromStorageKey,WriteToStorageKey");
    }

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

        Run("ClearStorageKey", version: 1, payload: null).Should().Be(2);

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

    private long? Write(int? version, string payload, string? extension = null) =>
        Run("WriteToStorageKey", version, System.Text.Encoding.UTF8.GetBytes(payload), extension);

    private long? Run(string queryKey, int? version, byte[]? payload, string? extension = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = (string)Scalar(connection, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'")!;
        AddKey(command, extension);
        command.Parameters.AddWithValue("GrainStateVersion", (object?)version ?? DBNull.Value);
        if (queryKey == "WriteToStorageKey")
        {
            command.Parameters.AddWithValue("PayloadBinary", (object?)payload ?? DBNull.Value);
        }

        var result = command.ExecuteScalar();
        return result is DBNull or null ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private (string? Payload, long Version)? Read(string? extension = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = (string)Scalar(connection, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'")!;
        AddKey(command, extension);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var payload = reader.IsDBNull(0) ? null : System.Text.Encoding.UTF8.GetString((byte[])reader.GetValue(0));
        var result = (payload, reader.GetInt64(1));
        reader.Read().Should().BeFalse("one grain has one row");
        return result;
    }

    // The parameters Orleans binds, named as the provider names them (without a prefix).
    private static void AddKey(SqliteCommand command, string? extension)
    {
        command.Parameters.AddWithValue("GrainIdHash", 12345);
        command.Parameters.AddWithValue("GrainIdN0", 7L);
        command.Parameters.AddWithValue("GrainIdN1", 8L);
        command.Parameters.AddWithValue("GrainTypeHash", 678);
        command.Parameters.AddWithValue("GrainTypeString", "initiative");
        command.Parameters.AddWithValue("GrainIdExtensionString", (object?)extension ?? DBNull.Value);
        command.Parameters.AddWithValue("ServiceId", "haarlem-tests");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(SqliteSchema.ConnectionString(_path));
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
