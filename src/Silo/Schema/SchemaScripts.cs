using System.Reflection;

namespace Haarlem.Initiatives.Silo.Schema;

/// <summary>Our SQL scripts, embedded in this assembly, per database, in name order (001-, 002-, ...).</summary>
internal static class SchemaScripts
{
    public static IEnumerable<string> For(string database)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var folder = $".Schema.{database}.";
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
