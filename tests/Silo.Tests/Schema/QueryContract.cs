using System.Data;
using System.Data.Common;

namespace Haarlem.Initiatives.Silo.Tests.Schema;

/// <summary>
/// Runs a named query from OrleansQuery the way Orleans' ADO.NET providers do: parameters named
/// without a prefix, typed from their CLR type.
/// </summary>
public abstract class QueryContract
{
    protected abstract DbConnection Open();

    protected DbCommand Command(DbConnection connection, string queryKey, params (string Name, object? Value, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = (string)Scalar(connection, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{queryKey}'")!;
        foreach (var (name, value, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected object? Run(string queryKey, params (string Name, object? Value, DbType Type)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, queryKey, parameters);
        return command.ExecuteScalar();
    }

    protected List<object?[]> Rows(string queryKey, params (string Name, object? Value, DbType Type)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, queryKey, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }

        return rows;
    }

    protected static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    protected static long? AsLong(object? value) =>
        value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
