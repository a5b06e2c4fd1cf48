using System.Net.Sockets;
using Haarlem.Initiatives.Silo.Configuration;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Schema;

/// <summary>
/// Creates or updates the PostgreSQL schema (grain storage, reminders, membership) with our own
/// idempotent scripts, under a transaction-scoped advisory lock so that nodes starting together
/// apply it one after the other.
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>The invariant under which Orleans' ADO.NET providers load Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The advisory lock key: "HAARLEM" as a number, shared by every node of every cluster.</summary>
    internal const long SchemaLockKey = 0x4841_4152_4C45_4D;

    /// <summary>The queries every provider loads; their presence means the schema is in place.</summary>
    private static readonly string[] RequiredQueries = ["WriteToStorageKey", "UpsertReminderRowKey", "InsertMembershipKey"];

    /// <summary>
    /// The connection string with the hub's defaults for what the operator left out: statements
    /// used more than once are prepared on the server (<c>Max Auto Prepare</c>, <c>Auto Prepare Min
    /// Usages</c>), so PostgreSQL does not parse and plan the same few queries thousands of times a
    /// second, and a pooled connection is not reset on every return (<c>No Reset On Close</c>,
    /// which would drop those prepared statements; the hub keeps no session state on a
    /// connection). A string that does not parse is left as it is: using it reports the problem.
    /// </summary>
    public static string? Tuned(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        NpgsqlConnectionStringBuilder builder;
        HashSet<string> given;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
                .Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return connectionString;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>How often a schema update that PostgreSQL chose as a deadlock's victim is tried again.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Applies the scripts in one transaction. A node that starts beside running ones can meet
    /// their writes in a lock cycle (the scripts' <c>ALTER TABLE … IF NOT EXISTS</c> lock tables
    /// the running nodes write); PostgreSQL then aborts one side with 40P01. The scripts are
    /// idempotent, so the whole transaction is simply tried again, a few times, after a short wait.
    /// </summary>
    public static void Apply(string? connectionString) => Run(connectionString, connection =>
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ApplyOnce(connection);
                return;
            }
            catch (PostgresException exception) when (
                exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    });

    private static void ApplyOnce(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
        foreach (var script in SchemaScripts.For("PostgreSql"))
        {
            Execute(connection, transaction, script);
        }

        transaction.Commit();
    }

    /// <summary>Checks that the database answers and has the schema, for nodes that do not apply it themselves.</summary>
    public static void Verify(string? connectionString) => Run(connectionString, connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orleansquery'";
        var hasTable = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        var present = 0L;
        if (hasTable)
        {
            command.CommandText = "SELECT count(*) FROM OrleansQuery WHERE QueryKey = ANY(@keys)";
            command.Parameters.AddWithValue("keys", RequiredQueries);
            present = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (present != RequiredQueries.Length)
        {
            throw new HubConfigurationException(
                "Storage:ConnectionString points at a database without the hub's schema: run once with --apply-schema, or set Storage:ApplySchemaOnStart to true.");
        }
    });

    private static void Run(string? connectionString, Action<NpgsqlConnection> action)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new HubConfigurationException("Storage:ConnectionString is empty, but Storage:Provider 'PostgreSql' needs it (for example Host=db;Database=haarlem;Username=hub;Password=...).");
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            action(connection);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            throw new HubConfigurationException(
                $"Storage:ConnectionString cannot be used: {Describe(exception)}", exception);
        }
    }

    private static string Describe(Exception exception)
    {
        var message = exception.InnerException is SocketException socket ? $"{exception.Message} ({socket.Message})" : exception.Message;
        return message.ReplaceLineEndings(" ");
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
