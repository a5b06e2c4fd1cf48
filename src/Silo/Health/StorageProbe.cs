using System.Data.Common;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Haarlem.Initiatives.Silo;

/// <summary>Checks that the grain storage database answers and holds our schema.</summary>
public sealed class StorageProbe(HubSiloSettingsHolder settings)
{
    public async Task<(bool Healthy, string Description)> Check(CancellationToken cancellationToken)
    {
        var value = settings.Value;
        var (factory, connectionString, name) = value.Provider == StorageProvider.Sqlite
            ? ((DbProviderFactory)SqliteFactory.Instance, SqliteSchema.ConnectionString(value.SqlitePath), "SQLite")
            : (NpgsqlFactory.Instance, value.ConnectionString, "PostgreSQL");
        try
        {
            await using var connection = factory.CreateConnection()!;
            connection.ConnectionString = connectionString;
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM OrleansQuery";
            var queries = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return queries > 0 ? (true, $"{name} with {queries} Orleans queries") : (false, "The Orleans queries are missing.");
        }
        catch (DbException exception)
        {
            return (false, $"{name}: {exception.Message}");
        }
    }
}
