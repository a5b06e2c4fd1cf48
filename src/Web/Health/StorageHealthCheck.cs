using Haarlem.Initiatives.Silo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Haarlem.Initiatives.Web.Health;

/// <summary>Ready when the grain storage database answers and holds our schema.</summary>
public sealed class StorageHealthCheck(StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (healthy, description) = await probe.Check(cancellationToken);
        return healthy ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
    }
}
