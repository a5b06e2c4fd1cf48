using Haarlem.Initiatives.Bench;

// Usage: dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- [sqlite|postgresql|both] [seconds] [concurrency]
var databases = args.Length > 0 ? args[0] : "both";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var duration = TimeSpan.FromSeconds(seconds);

Console.WriteLine($"Haarlem Initiatives write benchmark: {duration.TotalSeconds:F0} s per measurement, {concurrency} concurrent writers, {Environment.ProcessorCount} cores.");
if (databases is "sqlite" or "both")
{
    await WriteThroughput.Run("SQLite", BenchHub.Sqlite, duration, concurrency, measureMemory: true);
}

if (databases is "postgresql" or "both")
{
    await WriteThroughput.Run("PostgreSQL", BenchHub.PostgreSql, duration, concurrency, measureMemory: false);
}
