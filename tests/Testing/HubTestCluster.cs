using Xunit;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// An in-process Orleans test cluster of one silo with the hub's grains, in-memory grain storage
/// and a <see cref="FakeTimeProvider"/>, shared by the tests of one class (xunit class fixture).
/// </summary>
public class HubTestCluster : IAsyncLifetime
{
    /// <summary>The silo's clock; starts at 2026-03-02 09:00 Amsterdam time (08:00 UTC).</summary>
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The links in notice emails, with a test secret.</summary>
    public static NoticeLinks Links { get; } = new(new Uri("http://localhost:5080/"), "test-secret-of-the-notice-links"u8.ToArray());

    /// <summary>The hub's tables (audit trail, person data index) of the silos in this process.</summary>
    public static MemoryHubTables Tables { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>For fixtures that add to the silo's configuration (after the standard one).</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(GrainStorage.Name);
            siloBuilder.UseSystemTextJsonGrainStorageSerializer(); // as in production: state as JSON
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(HubClock.Key, Time);
            siloBuilder.Services.AddSingleton(new ServiceNorms());
            siloBuilder.Services.AddSingleton(Haarlem.Initiatives.Grains.Geo.MunicipalityMap.Haarlem);
            siloBuilder.Services.AddMetrics();
            siloBuilder.Services.AddSingleton<HubMetrics>();
            siloBuilder.Services.AddSingleton<IMailSender>(RecordingMailSender.Instance);
            siloBuilder.Services.AddSingleton(Links);
            siloBuilder.Services.AddSingleton<Grains.Audit.IAuditLog>(Tables);
            siloBuilder.Services.AddSingleton<Grains.Delivery.IChangeTables>(Tables);
            siloBuilder.Services.AddSingleton<Grains.Delivery.IPersonIndex>(Tables);
            siloBuilder.Services.AddSingleton<Grains.Index.IIndexRows, MemoryIndexRows>();
            siloBuilder.Services.AddSingleton<Grains.Feed.IFeedRows, MemoryFeedRows>();
            siloBuilder.Services.AddSingleton<Grains.People.IInboxRows, MemoryInboxRows>();
            siloBuilder.Services.AddSingleton<Grains.Officials.IWorkQueueRows, MemoryWorkQueueRows>();
            siloBuilder.Services.AddSingleton<Grains.Desk.IResidentDirectory, MemoryResidentDirectory>();
        }
    }
}
