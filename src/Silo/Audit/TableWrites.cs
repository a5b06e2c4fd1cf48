using System.Data.Common;

namespace Haarlem.Initiatives.Silo.Audit;

/// <summary>
/// The statements of one grouped transaction, in order, and the one place they are run. On
/// PostgreSQL they go as batches (one round trip for hundreds of statements, where one each cost
/// a round trip, and its system calls, apiece); on SQLite, which runs in the process, one after
/// the other on commands prepared once per transaction. A statement may read one value back (a
/// number given by <c>RETURNING</c>): its callback gets it, or null when the statement returned
/// no row.
/// </summary>
internal sealed class TableWrites
{
    /// <summary>The most statements one PostgreSQL batch carries.</summary>
    private const int MaxBatch = 1000;

    private readonly List<(string Sql, (string Name, object? Value)[] Parameters, Action<object?>? Returned)> _statements = [];

    public int Count => _statements.Count;

    /// <summary>Adds a statement that returns nothing to read.</summary>
    public void Add(string sql, params (string Name, object? Value)[] parameters) => _statements.Add((sql, parameters, null));

    /// <summary>Adds a statement whose first value of its first row (or null: no row) goes to <paramref name="returned"/>.</summary>
    public void AddReturning(string sql, Action<object?> returned, params (string Name, object? Value)[] parameters) =>
        _statements.Add((sql, parameters, returned));

    public async Task Run(DbConnection connection, DbTransaction transaction)
    {
        if (connection.CanCreateBatch)
        {
            foreach (var chunk in _statements.Chunk(MaxBatch))
            {
                await RunBatch(connection, transaction, chunk);
            }

            return;
        }

        var prepared = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (sql, parameters, returned) in _statements)
            {
                if (!prepared.TryGetValue(sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    prepared[sql] = command;
                }

                command.Parameters.Clear();
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                if (returned is null)
                {
                    await command.ExecuteNonQueryAsync();
                }
                else
                {
                    var value = await command.ExecuteScalarAsync();
                    returned(value is DBNull ? null : value);
                }
            }
        }
        finally
        {
            foreach (var command in prepared.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static async Task RunBatch(
        DbConnection connection, DbTransaction transaction,
        (string Sql, (string Name, object? Value)[] Parameters, Action<object?>? Returned)[] statements)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters, _) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        // Only the statements with RETURNING have columns: their results come in statement order
        // (whether or not the others show up as empty results of their own).
        using var returning = statements.Select(s => s.Returned).OfType<Action<object?>>().GetEnumerator();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            if (reader.FieldCount > 0 && returning.MoveNext())
            {
                returning.Current(await reader.ReadAsync() ? reader.GetValue(0) : null);
            }
        }
        while (await reader.NextResultAsync());
    }
}
