using System.Globalization;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Web.Feed;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haarlem.Initiatives.Web.Health;

/// <summary>
/// A graceful stop (SIGTERM, Ctrl+C): the moment the node is asked to stop, <c>/health/ready</c>
/// says 503 so the load balancer sends new work elsewhere, and SignalR closes the live
/// connections (the clients reconnect, through the load balancer, to another node and catch up).
/// For <c>Hub:ShutdownDrainSeconds</c> the node goes on answering what still reaches it; then the
/// web server finishes the requests in flight and the silo hands its grains over.
/// </summary>
public sealed class ShutdownDrain : IHostedLifecycleService, IHealthCheck
{
    private readonly TimeSpan _drain;
    private readonly FeedConnections _feed;
    private readonly TimeProvider _time;
    private readonly ILogger<ShutdownDrain> _logger;
    private volatile bool _stopping;

    public ShutdownDrain(IConfiguration configuration, IHostApplicationLifetime lifetime, FeedConnections feed, TimeProvider time, ILogger<ShutdownDrain> logger)
    {
        _drain = TimeSpan.FromSeconds(Seconds(configuration));
        _feed = feed;
        _time = time;
        _logger = logger;
        // SIGTERM signals ApplicationStopping before the host starts stopping its services.
        lifetime.ApplicationStopping.Register(Stop);
    }

    private void Stop()
    {
        _stopping = true;
        // A live connection lasts until it is closed: one left open would hold the web server's
        // stop up until the host's shutdown timeout, and the silo would then stop without handing
        // its grains over. Close them, and every one that still arrives.
        _feed.CloseAll();
    }

    /// <summary>The default drain: longer than a load balancer's usual readiness check interval.</summary>
    public const int DefaultSeconds = 5;

    public const string Key = "Hub:ShutdownDrainSeconds";

    public static int Seconds(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSeconds;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 120
            ? seconds
            : throw new HubConfigurationException($"{Key} is '{text}', but it must be a whole number of seconds from 0 to 120.");
    }

    /// <summary>
    /// Degraded while stopping: <c>/health/ready</c> answers it with 503 like Unhealthy, but the
    /// health check service logs it as a warning, not as an error: a planned stop is no fault.
    /// </summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping
            ? HealthCheckResult.Degraded("The node is stopping.")
            : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Stop();
        if (_drain > TimeSpan.Zero)
        {
            _logger.LogInformation("Stopping: not ready any more; answering what still arrives for {Seconds} s before the web server stops.", _drain.TotalSeconds);
            await Task.Delay(_drain, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
