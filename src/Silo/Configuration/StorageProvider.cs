namespace Haarlem.Initiatives.Silo.Configuration;

/// <summary>Where grain state lives.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: the embedded default, one node.</summary>
    Sqlite,
    /// <summary>PostgreSQL: production, any number of nodes.</summary>
    PostgreSql,
}
