using Haarlem.Initiatives.Grains.Neighbourhoods;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Silo.Seed;

/// <summary>
/// Loads the neighbourhoods file into the grains when the silo becomes active. The directory grain
/// compares with what it loaded before, so a restart with the same file writes nothing.
/// </summary>
internal sealed partial class NeighbourhoodSeeder(
    IGrainFactory grains,
    HubSiloSettingsHolder settings,
    HubReadiness readiness,
    ILogger<NeighbourhoodSeeder> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NeighbourhoodSeeder), ServiceLifecycleStage.Active, Seed);

    private async Task Seed(CancellationToken cancellationToken)
    {
        var path = settings.Value.NeighbourhoodsFile ?? NeighbourhoodSeedFile.DefaultPath;
        var neighbourhoods = NeighbourhoodSeedFile.Read(path);
        var changed = await NeighbourhoodDirectory.Get(grains).Load(neighbourhoods);
        LogSeeded(neighbourhoods.Count, path, changed);
        readiness.MarkSeeded();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Neighbourhoods: {Count} from {Path} (changed: {Changed}).")]
    private partial void LogSeeded(int count, string path, bool changed);
}
