using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Silo.Schema;

/// <summary>Applies (or, when a node should not, verifies) the schema of the configured database.</summary>
public static class HubSchema
{
    public static void Prepare(HubSiloSettings settings, bool apply)
    {
        switch (settings.Provider)
        {
            case StorageProvider.Sqlite:
                // A SQLite file belongs to its one node: always bring it up to date.
                SqliteSchema.Apply(settings.SqlitePath);
                break;
            case StorageProvider.PostgreSql when apply:
                PostgreSqlSchema.Apply(settings.ConnectionString);
                break;
            case StorageProvider.PostgreSql:
                PostgreSqlSchema.Verify(settings.ConnectionString);
                break;
        }
    }

    /// <summary>
    /// For <c>--apply-schema</c>: applies the schema and says so in one line. Returns the process exit code.
    /// </summary>
    public static int ApplyAndReport(HubSiloSettings settings, TextWriter output)
    {
        Prepare(settings, apply: true);
        output.WriteLine(settings.Provider == StorageProvider.Sqlite
            ? $"haarlem-initiatives: schema applied to SQLite file {settings.SqlitePath}."
            : "haarlem-initiatives: schema applied to PostgreSQL.");
        return 0;
    }
}
