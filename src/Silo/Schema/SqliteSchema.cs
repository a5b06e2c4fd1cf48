using Haarlem.Initiatives.Silo.Configuration;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Silo.Schema;

/// <summary>
/// Creates or updates the SQLite database: WAL journal mode and our own Orleans schema scripts,
/// which are idempotent, so this runs at every start.
/// </summary>
public static class SqliteSchema
{
    /// <summary>The invariant under which Orleans' ADO.NET providers load Microsoft.Data.Sqlite.</summary>
    public const string Invariant = "System.Data.SQLite";

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// The same file for the hub tables' groups of deliveries, which commit without waiting for the
    /// disk: the explicit (default) private cache only makes the connection string, and so the
    /// pool, a different one, so that a connection set to <c>synchronous=NORMAL</c> never serves
    /// any other write.
    /// </summary>
    public static string DeliveryConnectionString(string path) => new SqliteConnectionStringBuilder(ConnectionString(path))
    {
        Cache = SqliteCacheMode.Private,
    }.ToString();

    public static void Apply(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var connection = new SqliteConnection(ConnectionString(path));
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            AddAuditChangeKey(connection);
            MoveStorageToRowIdTable(connection);
            foreach (var script in SchemaScripts.For("Sqlite"))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, script, transaction);
                transaction.Commit();
            }

            // The audit trail names the resident a desk worker acted for, and the channel.
            AddColumn(connection, "hub_audit", "on_behalf_of", "TEXT NULL");
            AddColumn(connection, "hub_audit", "channel", "TEXT NULL");
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new HubConfigurationException(
                $"Storage:SqlitePath '{path}' cannot be used: {exception.Message.ReplaceLineEndings(" ")}", exception);
        }
    }

    /// <summary>Files from before the outbox delivery have an audit trail without change keys (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddAuditChangeKey(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM pragma_table_info('hub_audit')), (SELECT count(*) FROM pragma_table_info('hub_audit') WHERE name = 'change_key')";
        using var reader = command.ExecuteReader();
        reader.Read();
        var (columns, keyed) = (reader.GetInt64(0), reader.GetInt64(1));
        reader.Close();
        if (columns > 0 && keyed == 0)
        {
            Execute(connection, "ALTER TABLE hub_audit ADD COLUMN change_key TEXT NULL;");
        }
    }

    /// <summary>
    /// Files from before 2026-12-07 keep the grain states in a table without row ids, where every
    /// write of an initiative changed four pages (see 001-grain-storage.sql): its rows move to the
    /// table the script creates, in one transaction. The old table's triggers go with it (so the
    /// move notes nothing in the delivery ledger); the delivery script creates them on the new one.
    /// </summary>
    private static void MoveStorageToRowIdTable(SqliteConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'OrleansStorage'";
            if (command.ExecuteScalar() is not string sql || !sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        const string Columns = "ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version";
        using var transaction = connection.BeginTransaction();
        Execute(connection, "ALTER TABLE OrleansStorage RENAME TO OrleansStorage_without_rowid;", transaction);
        Execute(connection, SchemaScripts.Named("Sqlite", "001-grain-storage.sql"), transaction);
        Execute(connection, $"INSERT INTO OrleansStorage ({Columns}) SELECT {Columns} FROM OrleansStorage_without_rowid;", transaction);
        Execute(connection, "DROP TABLE OrleansStorage_without_rowid;", transaction);
        transaction.Commit();
    }

    /// <summary>Adds a column to a table that lacks it (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddColumn(SqliteConnection connection, string table, string column, string definition)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
