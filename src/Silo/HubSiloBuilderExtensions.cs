using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Silo.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Haarlem.Initiatives.Silo;

public static class HubSiloBuilderExtensions
{
    /// <summary>
    /// Configures a hub node from configuration: clustering, grain storage (applying our schema
    /// first), JSON state, and loading the neighbourhoods. Used by the web process and by the
    /// grain-only node alike.
    /// </summary>
    public static ISiloBuilder ConfigureHub(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        var settings = HubSiloSettings.From(configuration, contentRoot);
        silo.Services.AddSingleton(new HubSiloSettingsHolder(settings));
        silo.Services.AddSingleton<HubReadiness>();
        silo.Services.AddSingleton<StorageProbe>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, NeighbourhoodSeeder>();

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });

        switch (settings.Provider)
        {
            case StorageProvider.Sqlite:
                // The schema must exist before the storage provider reads its queries; applying it
                // here, before the host starts, also turns a bad path into one clear line.
                SqliteSchema.Apply(settings.SqlitePath);
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                silo.AddAdoNetGrainStorage(GrainStorage.Name, options =>
                {
                    options.Invariant = SqliteSchema.Invariant;
                    options.ConnectionString = SqliteSchema.ConnectionString(settings.SqlitePath);
                });
                break;
            default:
                throw new HubConfigurationException(
                    $"Storage:Provider '{settings.Provider}' is not available in this version yet; use 'Sqlite'.");
        }

        silo.UseSystemTextJsonGrainStorageSerializer();
        return silo;
    }
}
