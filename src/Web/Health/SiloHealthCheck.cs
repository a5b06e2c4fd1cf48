using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haarlem.Initiatives.Web.Health;

/// <summary>
/// Ready when the silo finished start-up and answers a grain call that reads storage. The call is
/// tried again while the grain it reaches is being handed over (another node stopping: "Silo
/// stopping"), as every other call of the hub is: otherwise a node would say "not ready" while the
/// other one stops, and a load balancer would have no node left for that moment.
/// </summary>
public sealed class SiloHealthCheck(HubReadiness readiness, IGrainFactory grains, GraphApi.Common.ClusterCalls calls) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsSeeded)
        {
            return HealthCheckResult.Unhealthy("The silo is still starting.");
        }

        try
        {
            var neighbourhoods = await calls.Run(() => NeighbourhoodDirectory.Get(grains).List(), cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"{neighbourhoods.Count} neighbourhoods");
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer.", exception);
        }
    }
}
