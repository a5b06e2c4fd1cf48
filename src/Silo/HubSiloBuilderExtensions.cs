using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Silo.Delivery;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Mail;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Silo.Seed;
using Haarlem.Initiatives.Silo.Storage;
using Orleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;

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
        Runtime.GrainInterfaceTypeCache.AddFirst(silo.Services);
        silo.Services.TryAddSingleton<SqliteWriteGate>();
        silo.Services.TryAddSingleton(services => new SqlHubTables(settings, services.GetRequiredService<SqliteWriteGate>(), services.GetService<Microsoft.Extensions.Logging.ILogger<SqlHubTables>>()));
        silo.Services.TryAddSingleton<IAuditLog>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<IChangeTables>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<IPersonIndex>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<IDeliveryLedger>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<IIndexRows>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.Feed.IFeedRows>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.People.IInboxRows>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.Officials.IWorkQueueRows>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.Desk.IResidentDirectory>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.Desk.IPostRoom>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.TryAddSingleton<Grains.Desk.ICallQueue>(services => services.GetRequiredService<SqlHubTables>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DeliverySweeper>();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<HubMetrics>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Telemetry.OverdueSampler>();
        var mail = MailSettings.Read(configuration, contentRoot);
        silo.Services.TryAddSingleton(mail);
        silo.Services.TryAddSingleton(mail.Links());
        silo.Services.TryAddSingleton<IMailSender>(mail.UseSmtp ? new SmtpMailSender(mail) : new PickupFolderMailSender(mail));
        silo.Services.AddSingleton<StorageProbe>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton(new ServiceNorms());
        silo.Services.TryAddKeyedSingleton(HubClock.Key, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, NeighbourhoodSeeder>();
        silo.Services.TryAddSingleton(NeighbourhoodBoundariesFile.Load(settings));

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });

        // The schema must exist before the providers read their queries; preparing it here, before
        // the host starts, also turns a bad path or an unreachable database into one clear line.
        HubSchema.Prepare(settings, settings.ApplySchemaOnStart);
        var (invariant, connectionString) = settings.Provider switch
        {
            StorageProvider.Sqlite => (SqliteSchema.Invariant, SqliteSchema.ConnectionString(settings.SqlitePath)),
            _ => (PostgreSqlSchema.Invariant, settings.ConnectionString!),
        };

        if (settings.Provider == StorageProvider.Sqlite)
        {
            // A SQLite file serves one node.
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        }
        else
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = invariant;
                options.ConnectionString = connectionString;
            });
            // How soon a dead node is found: docs/operations.md, "When a node dies".
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = settings.ProbeTimeout;
                options.NumMissedProbesLimit = settings.MissedProbesLimit;
            });
            silo.Configure<EndpointOptions>(options =>
            {
                options.SiloPort = settings.SiloPort;
                options.GatewayPort = settings.GatewayPort;
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.GatewayPort);
                if (settings.AdvertisedAddress is { } advertised)
                {
                    options.AdvertisedIPAddress = advertised;
                }
            });
        }

        // The provider is registered under its own name and the hub's storage wraps it: on SQLite
        // it queues its writes in memory (one SQLite writer at a time, see SqliteWriteGate); on
        // PostgreSQL it repeats a write PostgreSQL rolled back as a deadlock victim.
        var providerName = GrainStorage.Name + (settings.Provider == StorageProvider.Sqlite ? "-sqlite" : "-postgresql");
        silo.AddAdoNetGrainStorage(providerName, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });
        if (settings.Provider == StorageProvider.Sqlite)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) => new GatedGrainStorage(
                services.GetRequiredKeyedService<IGrainStorage>(providerName), services.GetRequiredService<SqliteWriteGate>()));
        }
        else
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) => new DeadlockRetryingGrainStorage(
                services.GetRequiredKeyedService<IGrainStorage>(providerName)));
        }
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });

        silo.UseSystemTextJsonGrainStorageSerializer();

        // Every node collects the figures the Orleans Dashboard shows (unless switched off); the web process serves it.
        if (settings.Dashboard)
        {
            silo.AddDashboard();
        }
        return silo;
    }
}
