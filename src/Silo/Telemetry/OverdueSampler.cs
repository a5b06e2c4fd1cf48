using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Microsoft.Extensions.DependencyInjection;
using Haarlem.Initiatives.Silo.Delivery;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Silo.Telemetry;

/// <summary>
/// Reads the number of overdue steps in the whole municipality from the neighbourhood indexes
/// (one call per neighbourhood, answered from what the index holds) when the silo becomes active
/// and then every <see cref="Every"/>, for the gauge <c>hub.steps.overdue</c>.
/// </summary>
internal sealed partial class OverdueSampler(
    IGrainFactory grains,
    HubMetrics metrics,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<OverdueSampler> logger) : PeriodicSiloWork(Every)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    // The real clock paces the sampling; the hub's clock says what "today" is.
    protected override async Task Round(CancellationToken cancellationToken) => metrics.OverdueRead(await Sample());

    protected override void RoundFailed(Exception exception) => LogSampleFailed(exception);

    internal async Task<long> Sample()
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var month = OverviewFigures.MonthOf(today);
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        var figures = await Task.WhenAll(neighbourhoods.Select(n =>
            grains.GetGrain<INeighbourhoodIndexGrain>(n.Code).GetFigures(month, month, today)));
        return figures.Sum(f => (long)f.OverdueSteps);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue steps could not be read from the indexes; the next minute tries again.")]
    private partial void LogSampleFailed(Exception exception);
}
