using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Delivery;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>
/// The hub's own tables in its database (SQLite or PostgreSQL): the audit trail <c>hub_audit</c>
/// (triggers refuse UPDATE and DELETE), the person data index <c>hub_person_initiatives</c>, the
/// delivery ledger <c>hub_delivery_pending</c>, the neighbourhood indexes' summaries
/// <c>hub_index_summaries</c>, the neighbourhood feeds <c>hub_feed_items</c>, the people's
/// inboxes <c>hub_inbox</c> and the officials' work queues <c>hub_work_items</c>. Writes wait until they are stored and are written in groups:
/// whatever arrived while the previous group was being written goes in one transaction, so many
/// concurrent changes cost one commit, not one each. Every write is idempotent (a change key, a
/// primary key, a version, an event), so a delivery repeated after a crash changes nothing; rows
/// are written in key order so that two nodes' groups cannot deadlock. A group that fails is
/// written again part by part, so one part that cannot be stored fails alone.
/// </summary>
public sealed partial class SqlHubTables : IAuditLog, IChangeTables, IPersonIndex, IDeliveryLedger, IIndexRows, IFeedRows, IInboxRows, IWorkQueueRows, IAsyncDisposable
{
    private const int MaxGroup = 500;

    /// <summary>The summaries' JSON: enums by name, so that a stored row reads back whatever order they are declared in.</summary>
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HubSiloSettings _settings;
    private readonly bool _sqlite;
    private readonly Channel<(object Work, TaskCompletionSource Stored)> _queue =
        Channel.CreateUnbounded<(object, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    private readonly SqliteWriteGate? _gate;

    private readonly ILogger _logger;

    /// <param name="settings">Where the tables are.</param>
    /// <param name="gate">On SQLite, the process's one queue for writes (see <see cref="SqliteWriteGate"/>).</param>
    /// <param name="logger">Says when a group was written again part by part.</param>
    public SqlHubTables(HubSiloSettings settings, SqliteWriteGate? gate = null, ILogger<SqlHubTables>? logger = null)
    {
        _settings = settings;
        _logger = logger ?? NullLogger<SqlHubTables>.Instance;
        _gate = settings.Provider == StorageProvider.Sqlite ? gate : null;
        _sqlite = settings.Provider == StorageProvider.Sqlite;
        _writer = Task.Run(Write);
    }

    public Task Append(AuditEntry entry, CancellationToken cancellationToken = default) => Enqueue(entry, cancellationToken);

    public Task Deliver(TableDelivery delivery, CancellationToken cancellationToken = default) => Enqueue(delivery, cancellationToken);

    public Task Store(string neighbourhood, IReadOnlyList<InitiativeSummary> summaries, CancellationToken cancellationToken = default) =>
        summaries.Count == 0 ? Task.CompletedTask : Enqueue(new IndexRows(neighbourhood, summaries), cancellationToken);

    public Task<IReadOnlyList<InitiativeSummary>> Load(string neighbourhood, CancellationToken cancellationToken = default) =>
        Query(
            _sqlite
                ? "SELECT summary FROM hub_index_summaries WHERE neighbourhood = @neighbourhood"
                : "SELECT summary::text FROM hub_index_summaries WHERE neighbourhood = @neighbourhood",
            reader => JsonSerializer.Deserialize<InitiativeSummary>(reader.GetString(0), SummaryJson)!,
            cancellationToken,
            ("neighbourhood", neighbourhood));

    /// <summary>
    /// Entries of one feed or one inbox (<see cref="Key"/>) waiting in the write queue, and their
    /// items once stored: each is numbered inside the transaction, or null for a repeat.
    /// </summary>
    private sealed class NumberedAppend<TEntry, TItem>(string key, IReadOnlyList<TEntry> entries, bool durable) : INumberedAppend
        where TItem : class
    {
        public string Key { get; } = key;

        public bool Durable { get; } = durable;

        public IReadOnlyList<TEntry> Entries { get; } = entries;

        public TItem?[] Items { get; } = new TItem?[entries.Count];
    }

    /// <summary>What the write queue needs to know of a <see cref="NumberedAppend{TEntry, TItem}"/> of any kind.</summary>
    private interface INumberedAppend
    {
        /// <summary>Whether nothing but these rows holds the entries (not delivered from an outbox).</summary>
        bool Durable { get; }
    }

    /// <summary>Queues the entries of one feed or inbox and returns their items once stored.</summary>
    private async Task<IReadOnlyList<TItem?>> AppendNumbered<TEntry, TItem>(string key, IReadOnlyList<TEntry> entries, bool durable, CancellationToken cancellationToken)
        where TItem : class
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var append = new NumberedAppend<TEntry, TItem>(key, entries, durable);
        await Enqueue(append, cancellationToken);
        return append.Items;
    }

    /// <summary>
    /// Adds <paramref name="insert"/> (an INSERT … SELECT … RETURNING sequence that numbers the row
    /// or inserts none for a repeat) for each entry, in key order, keeping each one's item.
    /// </summary>
    private static void AddNumbered<TEntry, TItem>(
        TableWrites writes, IEnumerable<object> work, string insert,
        Func<string, TEntry, (string Name, object? Value)[]> values, Func<string, long, TEntry, TItem> item)
        where TItem : class
    {
        foreach (var append in work.OfType<NumberedAppend<TEntry, TItem>>().OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < append.Entries.Count; i++)
            {
                var (index, entry) = (i, append.Entries[i]);
                writes.AddReturning(
                    insert,
                    sequence => append.Items[index] = sequence is null ? null : item(append.Key, Convert.ToInt64(sequence, CultureInfo.InvariantCulture), entry),
                    values(append.Key, entry));
            }
        }
    }

    /// <summary>A neighbourhood index's changed summaries, waiting in the write queue.</summary>
    private sealed record IndexRows(string Neighbourhood, IReadOnlyList<InitiativeSummary> Summaries);

    private async Task Enqueue(object work, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((work, stored), cancellationToken);
        await stored.Task.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> Read(DateOnly day, CancellationToken cancellationToken = default) =>
        Query(
            "SELECT at, user_id, user_name, action, initiative_id, outcome, change_key, on_behalf_of, channel FROM hub_audit WHERE day = @day ORDER BY id",
            reader => new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Guid>(4),
                Enum.Parse<AuditOutcome>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? Grains.Desk.ContactChannel.Web : Enum.Parse<Grains.Desk.ContactChannel>(reader.GetString(8))),
            cancellationToken,
            ("day", _sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day));

    public Task<IReadOnlyList<Guid>> Initiatives(string userId, CancellationToken cancellationToken = default) =>
        Query("SELECT initiative_id FROM hub_person_initiatives WHERE user_id = @user_id", reader => reader.GetFieldValue<Guid>(0), cancellationToken, ("user_id", userId));

    public async Task Forget(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM hub_person_initiatives WHERE user_id = @user_id";
        Add(command, "user_id", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> Pending(TimeSpan olderThan, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        var before = _sqlite
            ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || @age || ' seconds')"
            : "now() - make_interval(secs => @age)";
        command.CommandText = $"""
            SELECT GrainIdN0, GrainIdN1 FROM hub_delivery_pending
            WHERE ServiceId = @service AND ModifiedOn < {before}
            ORDER BY ModifiedOn LIMIT @max
            """;
        Add(command, "service", _settings.ServiceId);
        Add(command, "age", olderThan.TotalSeconds);
        Add(command, "max", max);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(LedgerKey.ToGuid(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return ids;
    }

    public async Task<(long Count, TimeSpan Oldest)> Waiting(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        var age = _sqlite
            ? "(julianday('now') - julianday(MIN(ModifiedOn))) * 86400.0"
            : "EXTRACT(EPOCH FROM now() - MIN(ModifiedOn))::double precision";
        command.CommandText = $"SELECT COUNT(*), COALESCE({age}, 0) FROM hub_delivery_pending WHERE ServiceId = @service";
        Add(command, "service", _settings.ServiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))));
    }

    private async Task Write()
    {
        var group = new List<(object Work, TaskCompletionSource Stored)>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item))
            {
                group.Add(item);
            }

            try
            {
                await StoreGroup(group.Select(g => g.Work).ToList());
                group.ForEach(g => g.Stored.TrySetResult());
            }
            catch (Exception exception) when (group.Count > 1)
            {
                // One part that cannot be stored (a conflict, a value the database refuses) must not
                // hold up the others: each part alone, so only the one that fails reports it.
                LogGroupSplit(exception, group.Count);
                foreach (var (work, stored) in group)
                {
                    try
                    {
                        await StoreGroup([work]);
                        stored.TrySetResult();
                    }
                    catch (Exception alone)
                    {
                        stored.TrySetException(alone);
                    }
                }
            }
            catch (Exception exception)
            {
                group.ForEach(g => g.Stored.TrySetException(exception));
            }
        }
    }

    private Task StoreGroup(List<object> work) => _gate is null ? Store(work) : _gate.Run(() => Store(work));

    private async Task Store(List<object> work)
    {
        var deliveries = work.OfType<TableDelivery>().ToList();
        var audit = work.OfType<AuditEntry>()
            .Concat(deliveries.SelectMany(d => d.Audit))
            .OrderBy(e => e.At).ThenBy(e => e.ChangeKey, StringComparer.Ordinal)
            .ToList();
        var people = deliveries
            .SelectMany(d => d.People.Select(p => (UserId: p, d.InitiativeId)))
            .Distinct()
            .OrderBy(p => p.UserId, StringComparer.Ordinal).ThenBy(p => p.InitiativeId)
            .ToList();
        var delivered = deliveries
            .Where(d => d.DeliveredVersion is not null)
            .GroupBy(d => d.InitiativeId)
            .Select(g => (Key: LedgerKey.From(g.Key), Version: g.Max(d => d.DeliveredVersion!.Value)))
            .OrderBy(d => d.Key.N0).ThenBy(d => d.Key.N1)
            .ToList();
        var summaries = work.OfType<IndexRows>()
            .SelectMany(r => r.Summaries.Select(s => (r.Neighbourhood, Summary: s)))
            .GroupBy(r => (r.Neighbourhood, r.Summary.Id))
            .Select(g => g.MaxBy(r => r.Summary.Revision))
            .OrderBy(r => r.Neighbourhood, StringComparer.Ordinal).ThenBy(r => r.Summary.Id)
            .ToList();

        var writes = new TableWrites();
        AddFeedImports(writes, [.. work.OfType<FeedImport>().SelectMany(i => i.Items)]);
        AddInboxImports(writes, [.. work.OfType<InboxImport>()]);
        AddInboxErasures(writes, [.. work.OfType<InboxErasure>()]);
        AddFeeds(writes, work);
        AddInboxes(writes, work);
        AddWorkQueues(writes, work);
        foreach (var entry in audit)
        {
            var at = entry.At.ToUniversalTime();
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            writes.Add(
                """
                INSERT INTO hub_audit (at, day, user_id, user_name, action, initiative_id, outcome, change_key, on_behalf_of, channel)
                VALUES (@at, @day, @user_id, @user_name, @action, @initiative_id, @outcome, @change_key, @on_behalf_of, @channel)
                ON CONFLICT DO NOTHING
                """,
                ("at", _sqlite ? at.ToString("O", CultureInfo.InvariantCulture) : at),
                ("day", _sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day),
                ("user_id", entry.UserId),
                ("user_name", entry.UserName),
                ("action", entry.Action),
                ("initiative_id", entry.InitiativeId is { } id ? Id(id) : null),
                ("outcome", entry.Outcome.ToString()),
                ("change_key", entry.ChangeKey),
                ("on_behalf_of", entry.OnBehalfOf),
                ("channel", entry.OnBehalfOf is null ? null : entry.Channel.ToString()));
        }

        foreach (var (userId, initiativeId) in people)
        {
            writes.Add(
                "INSERT INTO hub_person_initiatives (user_id, initiative_id) VALUES (@user_id, @initiative_id) ON CONFLICT DO NOTHING",
                ("user_id", userId), ("initiative_id", Id(initiativeId)));
        }

        foreach (var ((n0, n1), version) in delivered)
        {
            writes.Add(
                "DELETE FROM hub_delivery_pending WHERE ServiceId = @service AND GrainIdN0 = @n0 AND GrainIdN1 = @n1 AND Version <= @version",
                ("service", _settings.ServiceId), ("n0", n0), ("n1", n1), ("version", version));
        }

        foreach (var (neighbourhood, summary) in summaries)
        {
            writes.Add(
                $$"""
                INSERT INTO hub_index_summaries (neighbourhood, initiative_id, revision, summary)
                VALUES (@neighbourhood, @initiative_id, @revision, {{(_sqlite ? "@summary" : "@summary::jsonb")}})
                ON CONFLICT (neighbourhood, initiative_id) DO UPDATE SET revision = excluded.revision, summary = excluded.summary
                WHERE excluded.revision > hub_index_summaries.revision
                """,
                ("neighbourhood", neighbourhood), ("initiative_id", Id(summary.Id)), ("revision", summary.Revision),
                ("summary", JsonSerializer.Serialize(summary, SummaryJson)));
        }

        await using var connection = _sqlite && work.All(Redeliverable) ? await OpenForDeliveries() : await Open(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await writes.Run(connection, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Whether <paramref name="work"/> was delivered from an initiative's committed outbox, so that
    /// the sweep delivers it again if a crash lost it (the ledger row it drops is lost with it).
    /// Refusals in the audit trail, imports and erasures are held nowhere else.
    /// </summary>
    private static bool Redeliverable(object work) => work switch
    {
        TableDelivery or IndexRows or WorkRows => true,
        INumberedAppend append => !append.Durable,
        _ => false,
    };

    /// <summary>
    /// On SQLite, a connection that commits without waiting for the disk (<c>synchronous=NORMAL</c>
    /// in WAL mode), for groups of deliveries only. A process that dies loses nothing (the write-ahead
    /// log is in the operating system's hands); a power cut may lose the last groups, and each one
    /// whole, with the ledger rows it dropped, so the sweep delivers them again; and the next commit
    /// that does wait (an initiative's own) carries every group before it to the disk, since the log
    /// is written in order (docs/write-path.md). These connections have a pool of their own, so none
    /// of them ever serves a write that must wait.
    /// </summary>
    private async Task<DbConnection> OpenForDeliveries()
    {
        var connection = new SqliteConnection(SqliteSchema.DeliveryConnectionString(_settings.SqlitePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private object Id(Guid id) => _sqlite ? id.ToString() : id;

    private object Day(DateOnly day) => _sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    private object Moment(DateTimeOffset at) => _sqlite ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : at.ToUniversalTime();

    private static Guid ReadId(DbDataReader reader, int column) => reader.GetFieldValue<Guid>(column);

    private static DateTimeOffset ReadMoment(DbDataReader reader, int column) => reader.GetFieldValue<DateTimeOffset>(column);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} table writes failed; each part is written alone.")]
    private partial void LogGroupSplit(Exception exception, int count);

    /// <summary>Runs a query on a connection of its own and reads each row with <paramref name="read"/>.</summary>
    private async Task<IReadOnlyList<T>> Query<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        DbConnection connection = _sqlite
            ? new SqliteConnection(SqliteSchema.ConnectionString(_settings.SqlitePath))
            : new NpgsqlConnection(_settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
