using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haarlem.Initiatives.Web.Health;

/// <summary>Ready when the silo finished start-up and answers a grain call that reads storage.</summary>
public sealed class SiloHealthCheck(HubReadiness readiness, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsSeeded)
        {
            return HealthCheckResult.Unhealthy("The silo is still starting.");
        }

        try
        {
            var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{neighbourhoods.Count} neighbourhoods");
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer.", exception);
        }
    }
}
