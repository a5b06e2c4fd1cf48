using System.Data.Common;
using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>
/// The audit trail in the table <c>hub_audit</c> of the hub's database (SQLite or PostgreSQL;
/// triggers refuse UPDATE and DELETE). Appends wait until they are stored, and are written in
/// groups: whatever arrived while the previous group was being written goes in one transaction,
/// so many concurrent changes cost one commit, not one each.
/// </summary>
public sealed class SqlAuditLog : IAuditLog, IAsyncDisposable
{
    private const int MaxGroup = 500;

    private readonly HubSiloSettings _settings;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Stored)> _queue =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SqlAuditLog(HubSiloSettings settings)
    {
        _settings = settings;
        _writer = Task.Run(Write);
    }

    public async Task Append(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((entry, stored), cancellationToken);
        await stored.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> Read(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, user_id, user_name, action, initiative_id, outcome FROM hub_audit WHERE day = @day ORDER BY id";
        Add(command, "day", _settings.Provider == StorageProvider.Sqlite ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : day);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Guid>(4),
                Enum.Parse<AuditOutcome>(reader.GetString(5))));
        }

        return entries;
    }

    private async Task Write()
    {
        var group = new List<(AuditEntry Entry, TaskCompletionSource Stored)>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item))
            {
                group.Add(item);
            }

            try
            {
                await Store(group.Select(g => g.Entry));
                group.ForEach(g => g.Stored.TrySetResult());
            }
            catch (Exception exception)
            {
                group.ForEach(g => g.Stored.TrySetException(exception));
            }
        }
    }

    private async Task Store(IEnumerable<AuditEntry> entries)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // One command for the group; only the values change per entry.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO hub_audit (at, day, user_id, user_name, action, initiative_id, outcome)
            VALUES (@at, @day, @user_id, @user_name, @action, @initiative_id, @outcome)
            """;
        var sqlite = _settings.Provider == StorageProvider.Sqlite;
        foreach (var entry in entries)
        {
            command.Parameters.Clear();
            var at = entry.At.ToUniversalTime();
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            Add(command, "at", sqlite ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : at);
            Add(command, "day", sqlite ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : day);
            Add(command, "user_id", entry.UserId);
            Add(command, "user_name", entry.UserName);
            Add(command, "action", entry.Action);
            Add(command, "initiative_id", entry.InitiativeId is { } id ? (sqlite ? id.ToString() : id) : DBNull.Value);
            Add(command, "outcome", entry.Outcome.ToString());
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private DbConnection Open() => _settings.Provider == StorageProvider.Sqlite
        ? new SqliteConnection(SqliteSchema.ConnectionString(_settings.SqlitePath))
        : new NpgsqlConnection(_settings.ConnectionString);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
