using System.Data.Common;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>A fresh database with our schema on a throwaway server, for each test.</summary>
public sealed class PostgreSqlDatabase(PostgresServer server) : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabase();
        PostgreSqlSchema.Apply(_connectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }
}

public sealed class PostgreSqlGrainStorageQueryTests(PostgresServer server) : GrainStorageQueryTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly PostgreSqlDatabase _database = new(server);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override DbConnection Open() => _database.Open();
}

public sealed class PostgreSqlReminderQueryTests(PostgresServer server) : ReminderQueryTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly PostgreSqlDatabase _database = new(server);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override DbConnection Open() => _database.Open();
}

public sealed class PostgreSqlSchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Nodes_that_apply_the_schema_at_the_same_time_all_succeed_and_it_is_there_once()
    {
        var connectionString = await server.CreateDatabase();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgreSqlSchema.Apply(connectionString))));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        (await command.ExecuteScalarAsync()).Should().Be(20L);
    }

    [Fact]
    public async Task A_node_whose_schema_update_is_a_deadlocks_victim_tries_again_and_succeeds()
    {
        var connectionString = await server.CreateDatabase();
        PostgreSqlSchema.Apply(connectionString);

        // Which side PostgreSQL aborts depends on whose deadlock check runs first, deadlock_timeout
        // after it began to wait. The starting node checks after 5 s, the running node only after
        // 60 s: so the cycle below may take seconds to close on a busy machine, and the starting
        // node is still the one aborted (as in production, where the running node's wait is the later one).
        var startingNode = $"{connectionString};Options=-c deadlock_timeout=5s";
        // A running node's transaction holds a table the scripts alter ...
        await using var running = new NpgsqlConnection($"{connectionString};Options=-c deadlock_timeout=60s");
        await running.OpenAsync();
        await using var transaction = await running.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE hub_audit IN ROW EXCLUSIVE MODE", running, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        // ... a starting node takes the schema lock and waits for that table ...
        var starting = Task.Run(() => PostgreSqlSchema.Apply(startingNode));
        await using (var watch = new NpgsqlConnection(connectionString))
        {
            await watch.OpenAsync();
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'hub_audit'::regclass", watch);
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                await Task.Yield(); // polled in a tight loop: the cycle must close before the starting node's check (5 s)
            }
        }

        // ... and the running node then wants the schema lock: a cycle. PostgreSQL aborts the one
        // that waited longest, the starting node, whose next attempt waits for the running node.
        await using (var cycle = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgreSqlSchema.SchemaLockKey})", running, transaction))
        {
            await cycle.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", check);
        (await count.ExecuteScalarAsync()).Should().Be(20L);
    }

    [Fact]
    public async Task A_grain_state_under_a_page_is_stored_as_it_is_without_compressing_it()
    {
        var connectionString = await server.CreateDatabase();
        PostgreSqlSchema.Apply(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // 4,000 bytes that compress well: without the table's toast_tuple_target PostgreSQL compresses them (pglz).
        var payload = Enumerable.Range(0, 4000).Select(i => (byte)(i % 16)).ToArray();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO OrleansStorage VALUES ('hub', 'initiative', 1, 2, '', 3, 4, $1, now(), 1)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = payload });
            await insert.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "SELECT pg_column_compression(PayloadBinary), pg_column_size(PayloadBinary) FROM OrleansStorage", connection);
        await using var row = await read.ExecuteReaderAsync();
        (await row.ReadAsync()).Should().BeTrue();
        row.IsDBNull(0).Should().BeTrue();
        row.GetInt32(1).Should().Be(4004);
    }

    [Fact]
    public async Task A_node_that_does_not_apply_the_schema_is_told_to_run_apply_schema()
    {
        var connectionString = await server.CreateDatabase();

        FluentActions.Invoking(() => PostgreSqlSchema.Verify(connectionString))
            .Should().Throw<HubConfigurationException>()
            .WithMessage("Storage:ConnectionString points at a database without the hub's schema: run once with --apply-schema, or set Storage:ApplySchemaOnStart to true.");
    }

    [Fact]
    public void An_unreachable_server_is_one_line_naming_the_setting()
    {
        var port = FreePort.Next();

        FluentActions.Invoking(() => PostgreSqlSchema.Apply($"Host=127.0.0.1;Port={port};Username=hub;Database=hub;Timeout=3"))
            .Should().Throw<HubConfigurationException>()
            .Which.Message.Should().StartWith("Storage:ConnectionString cannot be used: Failed to connect to 127.0.0.1:").And.NotContain("\n");
    }

    [Fact]
    public void A_malformed_connection_string_names_the_setting()
    {
        FluentActions.Invoking(() => PostgreSqlSchema.Apply("Hots=db"))
            .Should().Throw<HubConfigurationException>()
            .Which.Message.Should().StartWith("Storage:ConnectionString cannot be used: ");
    }
}
