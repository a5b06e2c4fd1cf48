using System.Data.Common;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Tests.Audit;

/// <summary>The audit trail's table on each database: appends in order, read per day, never changed.</summary>
public abstract class AuditLogTests
{
    protected abstract HubSiloSettings Settings { get; }

    protected abstract DbConnection Open();

    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(int n, DateTimeOffset at, Guid? initiative = null) =>
        new(at, $"user-{n}", $"Naam {n}", n % 2 == 0 ? "changeStatus" : "giveInput", initiative, n % 3 == 0 ? AuditOutcome.Denied : AuditOutcome.Done);

    [Fact]
    public async Task Concurrent_appends_are_all_stored_and_read_back_per_day_in_the_order_they_were_stored()
    {
        await using var log = new SqlAuditLog(Settings);
        var initiative = Guid.NewGuid();
        var entries = Enumerable.Range(1, 40).Select(n => Entry(n, Morning.AddSeconds(n), n % 4 == 0 ? initiative : null)).ToList();

        await Task.WhenAll(entries.Select(e => log.Append(e)));
        await log.Append(Entry(99, Morning.AddDays(1)));
        var day = await log.Read(new DateOnly(2026, 3, 2));
        var next = await log.Read(new DateOnly(2026, 3, 3));

        // Appends enter the writer's queue in call order, and one writer stores them in that order.
        day.Should().Equal(entries);
        next.Should().Equal(Entry(99, Morning.AddDays(1)));
    }

    [Theory]
    [InlineData("UPDATE hub_audit SET user_name = 'iemand anders'")]
    [InlineData("DELETE FROM hub_audit")]
    public async Task The_table_refuses_to_change_or_remove_an_entry(string statement)
    {
        await using (var log = new SqlAuditLog(Settings))
        {
            await log.Append(Entry(1, Morning));
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        var change = () => command.ExecuteNonQuery();

        change.Should().Throw<DbException>().Which.Message.Should().Contain("the audit trail is append-only");
        await using var reader = new SqlAuditLog(Settings);
        (await reader.Read(new DateOnly(2026, 3, 2))).Should().Equal(Entry(1, Morning));
    }
}

public sealed class SqliteAuditLogTests : AuditLogTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _path;

    public SqliteAuditLogTests()
    {
        _path = _folder.File("audit.db");
        SqliteSchema.Apply(_path);
    }

    protected override HubSiloSettings Settings => new() { Provider = StorageProvider.Sqlite, SqlitePath = _path };

    protected override DbConnection Open()
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

public sealed class PostgreSqlAuditLogTests(PostgresServer server) : AuditLogTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabase();
        PostgreSqlSchema.Apply(_connectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override HubSiloSettings Settings => new() { Provider = StorageProvider.PostgreSql, ConnectionString = _connectionString };

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
