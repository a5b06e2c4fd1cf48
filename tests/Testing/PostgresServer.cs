using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the machine's binaries (initdb, pg_ctl), in a temp folder
/// on a free loopback port, stopped and removed afterwards. Nothing depends on a system service.
/// When the tests run as root (as CI does), the server runs as the 'postgres' user, because
/// PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private string DataFolder => Path.Combine(_folder.Path, "data");

    public int Port { get; } = FreePort.Next();

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    public async Task InitializeAsync()
    {
        if (RunningAsRoot)
        {
            await Run("chown", "-R", "postgres", _folder.Path);
        }

        await RunPostgres("initdb", "-D", DataFolder, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
        await RunPostgres("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder.Path, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder.Path} -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPostgres("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        _folder.Dispose();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabase()
    {
        var name = $"hub_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=30";
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static Task RunPostgres(string tool, params string[] arguments) =>
        RunningAsRoot ? Run("runuser", ["-u", "postgres", "--", Tool(tool), .. arguments]) : Run(Tool(tool), arguments);

    private static string Tool(string name)
    {
        var versioned = Path.Combine("/usr/lib/postgresql/15/bin", name);
        return File.Exists(versioned) ? versioned : name;
    }

    private static async Task Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
