using System.Data.Common;
using System.Globalization;
using Haarlem.Initiatives.Grains.Desk;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>
/// The desk's tables: the residents it registered and their take-over codes (<see cref="IResidentDirectory"/>),
/// the post (<see cref="IPostRoom"/>) and the calls (<see cref="ICallQueue"/>). The post and the
/// calls are filled by the database itself when a notice is stored (the trigger on <c>hub_inbox</c>);
/// what the desk does with them is written here, each in a transaction of its own (on SQLite in
/// the write gate's turn).
/// </summary>
public sealed partial class SqlHubTables : IResidentDirectory, IPostRoom, ICallQueue
{
    /// <summary>Runs <paramref name="write"/> in a transaction of its own: in the write gate's turn on SQLite.</summary>
    private async Task<T> Exclusive<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        async Task<T> Run()
        {
            await using var connection = await Open(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }

        return _gate is null ? await Run() : await _gate.Run(Run, cancellationToken);
    }

    private static async Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        var value1 = await command.ExecuteScalarAsync();
        return value1 is DBNull ? null : value1;
    }

    // The residents and their codes.

    Task IResidentDirectory.Store(ResidentListing listing, CancellationToken cancellationToken) =>
        Exclusive((connection, transaction) => Execute(connection, transaction, """
            INSERT INTO hub_residents (user_id, name, name_key, postcode, house_number, street)
            VALUES (@user_id, @name, @name_key, @postcode, @house_number, @street)
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
                postcode = excluded.postcode, house_number = excluded.house_number, street = excluded.street
            """,
            ("user_id", listing.UserId), ("name", listing.Name), ("name_key", NameKey.Of(listing.Name)),
            ("postcode", listing.Postcode), ("house_number", listing.HouseNumber), ("street", listing.Street)), cancellationToken);

    Task<IReadOnlyList<ResidentListing>> IResidentDirectory.Find(string? name, string? postcode, string? houseNumber, int max, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("max", max) };
        if (!string.IsNullOrWhiteSpace(name))
        {
            conditions.Add("name_key LIKE @name_key");
            parameters.Add(("name_key", $"%{NameKey.Of(name).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%"));
        }

        if (PostalAddress.NormalisePostcode(postcode) is { } code)
        {
            conditions.Add("postcode = @postcode");
            parameters.Add(("postcode", code));
            if (PostalAddress.NormaliseHouseNumber(houseNumber) is { } number)
            {
                conditions.Add("lower(house_number) = lower(@house_number)");
                parameters.Add(("house_number", number));
            }
        }

        if (conditions.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ResidentListing>>([]);
        }

        return Query(
            $"SELECT user_id, name, postcode, house_number, street FROM hub_residents WHERE {string.Join(" AND ", conditions)} ORDER BY name_key, postcode, house_number LIMIT @max",
            reader => new ResidentListing(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
            cancellationToken, [.. parameters]);
    }

    Task IResidentDirectory.StoreCode(string codeHash, string userId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Exclusive(async (connection, transaction) =>
        {
            // A new code replaces the resident's earlier ones that were never used.
            await Execute(connection, transaction, "DELETE FROM hub_takeover_codes WHERE user_id = @user_id AND used_at IS NULL", ("user_id", userId));
            return await Execute(connection, transaction,
                "INSERT INTO hub_takeover_codes (code_hash, user_id, expires_at) VALUES (@code_hash, @user_id, @expires_at)",
                ("code_hash", codeHash), ("user_id", userId), ("expires_at", Moment(expiresAt)));
        }, cancellationToken);

    async Task<TakeOverCodeFacts?> IResidentDirectory.FindCode(string codeHash, CancellationToken cancellationToken) =>
        (await Query(
            "SELECT user_id, expires_at, used_at FROM hub_takeover_codes WHERE code_hash = @code_hash",
            reader => new TakeOverCodeFacts(reader.GetString(0), ReadMoment(reader, 1), reader.IsDBNull(2) ? null : ReadMoment(reader, 2)),
            cancellationToken, ("code_hash", codeHash))).FirstOrDefault();

    async Task<bool> IResidentDirectory.UseCode(string codeHash, string usedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Exclusive((connection, transaction) => Execute(connection, transaction,
            "UPDATE hub_takeover_codes SET used_at = @at, used_by = @used_by WHERE code_hash = @code_hash AND used_at IS NULL",
            ("at", Moment(at)), ("used_by", usedBy), ("code_hash", codeHash)), cancellationToken) == 1;

    // The post.

    private const string NoticeColumns = "user_id, event_id, sequence, queued_at, run_id";

    private static LetterNotice ReadLetterNotice(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), ReadMoment(reader, 3), reader.IsDBNull(4) ? null : reader.GetInt64(4));

    Task<IReadOnlyList<LetterNotice>> IPostRoom.Waiting(CancellationToken cancellationToken) =>
        Query($"SELECT {NoticeColumns} FROM hub_post_queue WHERE run_id IS NULL ORDER BY queued_at, user_id, sequence", ReadLetterNotice, cancellationToken);

    Task<IReadOnlyList<LetterNotice>> IPostRoom.InRun(long id, CancellationToken cancellationToken) =>
        Query($"SELECT {NoticeColumns} FROM hub_post_queue WHERE run_id = @run ORDER BY user_id, sequence", ReadLetterNotice, cancellationToken, ("run", id));

    private const string RunColumns = "id, created_at, created_by, notices, posted_at, posted_by";

    private static PostRun ReadRun(DbDataReader reader) => new(
        reader.GetInt64(0), ReadMoment(reader, 1), reader.GetString(2), reader.GetInt32(3),
        reader.IsDBNull(4) ? null : ReadMoment(reader, 4), reader.IsDBNull(5) ? null : reader.GetString(5));

    async Task<PostRun?> IPostRoom.Run(long id, CancellationToken cancellationToken) =>
        (await Query($"SELECT {RunColumns} FROM hub_post_runs WHERE id = @id", ReadRun, cancellationToken, ("id", id))).FirstOrDefault();

    Task<IReadOnlyList<PostRun>> IPostRoom.Runs(int max, CancellationToken cancellationToken) =>
        Query($"SELECT {RunColumns} FROM hub_post_runs ORDER BY id DESC LIMIT @max", ReadRun, cancellationToken, ("max", max));

    async Task<PostRun?> IPostRoom.StartRun(string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = await Exclusive(async (connection, transaction) =>
        {
            // Every notice that waits goes into this run, once: two desks starting a run at the same
            // moment take disjoint notices (the second finds none, or only newer ones).
            var waiting = Convert.ToInt32(await Scalar(connection, transaction, "SELECT count(*) FROM hub_post_queue WHERE run_id IS NULL"), CultureInfo.InvariantCulture);
            if (waiting == 0)
            {
                return (long?)null;
            }

            var run = Convert.ToInt64(await Scalar(connection, transaction,
                "INSERT INTO hub_post_runs (created_at, created_by, notices) VALUES (@at, @by, 0) RETURNING id",
                ("at", Moment(at)), ("by", by)), CultureInfo.InvariantCulture);
            var taken = await Execute(connection, transaction, "UPDATE hub_post_queue SET run_id = @run WHERE run_id IS NULL", ("run", run));
            await Execute(connection, transaction, "UPDATE hub_post_runs SET notices = @notices WHERE id = @run", ("notices", taken), ("run", run));
            return run;
        }, cancellationToken);
        return id is { } runId ? await ((IPostRoom)this).Run(runId, cancellationToken) : null;
    }

    async Task<bool> IPostRoom.MarkPosted(long id, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Exclusive((connection, transaction) => Execute(connection, transaction,
            "UPDATE hub_post_runs SET posted_at = @at, posted_by = @by WHERE id = @id AND posted_at IS NULL",
            ("at", Moment(at)), ("by", by), ("id", id)), cancellationToken) == 1;

    // The calls.

    private const string CallColumns = "user_id, event_id, sequence, queued_at, due_day, attempts, done_at, last_outcome, last_by, last_at";

    private static CallTask ReadCall(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), ReadMoment(reader, 3), reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5),
        reader.IsDBNull(6) ? null : ReadMoment(reader, 6),
        reader.IsDBNull(7) ? null : Enum.Parse<CallOutcome>(reader.GetString(7)),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : ReadMoment(reader, 9));

    Task<IReadOnlyList<CallTask>> ICallQueue.Due(DateOnly today, CancellationToken cancellationToken) =>
        Query($"SELECT {CallColumns} FROM hub_call_tasks WHERE done_at IS NULL AND due_day <= @today ORDER BY due_day, queued_at, user_id, sequence",
            ReadCall, cancellationToken, ("today", Day(today)));

    async Task<CallTask?> ICallQueue.Find(string userId, string eventId, CancellationToken cancellationToken) =>
        (await Query($"SELECT {CallColumns} FROM hub_call_tasks WHERE user_id = @user_id AND event_id = @event_id",
            ReadCall, cancellationToken, ("user_id", userId), ("event_id", eventId))).FirstOrDefault();

    async Task<bool> ICallQueue.Record(string userId, string eventId, CallOutcome outcome, DateOnly nextTry, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Exclusive((connection, transaction) => Execute(connection, transaction,
            outcome == CallOutcome.Reached
                ? """
                  UPDATE hub_call_tasks SET attempts = attempts + 1, done_at = @at, last_outcome = @outcome, last_by = @by, last_at = @at
                  WHERE user_id = @user_id AND event_id = @event_id AND done_at IS NULL
                  """
                : """
                  UPDATE hub_call_tasks SET attempts = attempts + 1, due_day = @next, last_outcome = @outcome, last_by = @by, last_at = @at
                  WHERE user_id = @user_id AND event_id = @event_id AND done_at IS NULL
                  """,
            ("at", Moment(at)), ("outcome", outcome.ToString()), ("by", by), ("next", Day(nextTry)), ("user_id", userId), ("event_id", eventId)), cancellationToken) == 1;
}
