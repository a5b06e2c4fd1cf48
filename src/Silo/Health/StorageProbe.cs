using Haarlem.Initiatives.Silo.Schema;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Silo;

/// <summary>Checks that the grain storage database answers and holds our schema.</summary>
public sealed class StorageProbe(HubSiloSettingsHolder settings)
{
    public async Task<(bool Healthy, string Description)> Check(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(SqliteSchema.ConnectionString(settings.Value.SqlitePath));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM OrleansQuery";
            var queries = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return queries > 0 ? (true, $"SQLite with {queries} Orleans queries") : (false, "The Orleans queries are missing.");
        }
        catch (SqliteException exception)
        {
            return (false, exception.Message);
        }
    }
}
