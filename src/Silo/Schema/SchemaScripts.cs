using System.Reflection;

namespace Haarlem.Initiatives.Silo.Schema;

/// <summary>Our SQL scripts, embedded in this assembly, per database, in name order (001-, 002-, ...).</summary>
internal static class SchemaScripts
{
    public static IEnumerable<string> For(string database)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var folder = $".Schema.{database}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Read);
    }

    /// <summary>One script of a database by its file name, e.g. <c>001-grain-storage.sql</c>.</summary>
    public static string Named(string database, string file) =>
        Read(Assembly.GetExecutingAssembly().GetManifestResourceNames().Single(n => n.EndsWith($".Schema.{database}.{file}", StringComparison.Ordinal)));

    private static string Read(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
