using Haarlem.Initiatives.Bench;

// Usage: dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- [sqlite|postgresql|both] [seconds] [concurrency]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- live [connections] [changes per second] [seconds]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- api [initiatives] [seconds] [concurrency]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- pages [initiatives] [seconds] [concurrency]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- failover [rounds]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- national [initiatives] [seconds] [concurrency]
//        dotnet run -c Release --project bench/Haarlem.Initiatives.Bench -- near [initiatives] [seconds] [concurrency]
if (args.Length > 0 && args[0] == "near")
{
    await NearReads.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 16);
    return;
}

if (args.Length > 0 && args[0] == "national")
{
    await NationalScale.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 4);
    return;
}

if (args.Length > 0 && args[0] == "failover")
{
    await Failover.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return;
}

if (args.Length > 0 && args[0] == "api")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var apiSeconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var clients = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 16;
    await ApiReads.Run(count, TimeSpan.FromSeconds(apiSeconds), clients);
    return;
}

if (args.Length > 0 && args[0] == "pages")
{
    await PageReads.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 16);
    return;
}

if (args.Length > 0 && args[0] == "live")
{
    var connections = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    var rate = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40;
    var liveSeconds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;
    await LiveFeed.Run(connections, rate, TimeSpan.FromSeconds(liveSeconds));
    return;
}

var databases = args.Length > 0 ? args[0] : "both";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var duration = TimeSpan.FromSeconds(seconds);

Console.WriteLine($"Haarlem Initiatives write benchmark: {duration.TotalSeconds:F0} s per measurement, {concurrency} concurrent writers, {Environment.ProcessorCount} cores, Cluster:Dashboard {BenchHub.DashboardSetting} (BENCH_DASHBOARD).");
if (databases is "sqlite" or "both")
{
    await WriteThroughput.Run("SQLite", () => BenchHub.Sqlite(), duration, concurrency, measureMemory: true);
}

if (databases is "postgresql" or "both")
{
    await WriteThroughput.Run("PostgreSQL", BenchHub.PostgreSql, duration, concurrency, measureMemory: false);
}
