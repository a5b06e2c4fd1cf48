using System.Data.Common;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Tests.Support;

/// <summary>A database with the hub's schema for the tables' tests: its settings, and a connection of the test's own.</summary>
public interface ITablesDatabase
{
    HubSiloSettings Settings { get; }

    DbConnection Open();
}

/// <summary>A new SQLite file with the hub's schema, deleted afterwards.</summary>
public sealed class SqliteTablesDatabase : ITablesDatabase, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _path;

    public SqliteTablesDatabase()
    {
        _path = _folder.File("hub.db");
        SqliteSchema.Apply(_path);
    }

    public HubSiloSettings Settings => new() { Provider = StorageProvider.Sqlite, SqlitePath = _path };

    public DbConnection Open()
    {
        var connection = new SqliteConnection(SqliteSchema.ConnectionString(_path));
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>A new database with the hub's schema on the test class's PostgreSQL server.</summary>
public sealed class PostgreSqlTablesDatabase(string connectionString) : ITablesDatabase
{
    public static async Task<PostgreSqlTablesDatabase> Create(PostgresServer server)
    {
        var connectionString = await server.CreateDatabase();
        PostgreSqlSchema.Apply(connectionString);
        return new PostgreSqlTablesDatabase(connectionString);
    }

    public HubSiloSettings Settings => new() { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString };

    public DbConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
