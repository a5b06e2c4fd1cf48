using System.Diagnostics;
using System.Text;
using Haarlem.Initiatives.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>
/// The hub's web process started as a separate operating-system process on loopback, as an
/// operator would run it, so tests can kill it with SIGKILL and start it again.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubProcess(string assembly, int httpPort, IReadOnlyDictionary<string, string> settings)
    {
        HttpPort = httpPort;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{httpPort}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"The hub exited ({_process.ExitCode}) before it started:\n{Output}"));
        _process.EnableRaisingEvents = true;
    }

    public int HttpPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a node and waits for it to say it started (an event, not a sleep).</summary>
    public static Task<HubProcess> Start(IReadOnlyDictionary<string, string> settings) =>
        Launch("Haarlem.Initiatives.Web.dll", settings);

    /// <summary>Starts a grain-only node (src/Silo), which has no HTTP endpoint.</summary>
    public static Task<HubProcess> StartGrainNode(IReadOnlyDictionary<string, string> settings) =>
        Launch("Haarlem.Initiatives.Silo.dll", settings);

    private static async Task<HubProcess> Launch(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var hub = new HubProcess(assembly, FreePort.Next(), settings);
        hub._process.Start();
        hub._process.BeginOutputReadLine();
        hub._process.BeginErrorReadLine();
        await hub._started.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return hub;
    }

    /// <summary>A real SignalR client of this node's feed hub over WebSockets (not started).</summary>
    public HubConnection FeedConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/feed"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions))
            .Build();

    public GraphQLClient GraphQL() => new(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Starts a node that is expected to stop by itself; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExit(IReadOnlyDictionary<string, string> settings)
    {
        var hub = new HubProcess("Haarlem.Initiatives.Web.dll", FreePort.Next(), settings);
        hub._process.Start();
        hub._process.BeginOutputReadLine();
        hub._process.BeginErrorReadLine();
        await hub._process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        hub._process.WaitForExit(); // flushes the redirected output
        var result = (hub._process.ExitCode, hub.Output);
        hub._process.Dispose();
        return result;
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a node for a deploy: the node drains and stops by itself.
    /// Returns its exit code.
    /// </summary>
    public async Task<int> Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Whether <c>/health/ready</c> answers 200, as a load balancer asks it.</summary>
    public async Task<bool> IsReady(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(BaseAddress, "/health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await Kill();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Application started.", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
