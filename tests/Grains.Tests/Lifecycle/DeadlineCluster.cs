using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

/// <summary>A test cluster with a clock of its own, so its tests can move time without touching other tests.</summary>
public sealed class DeadlineCluster : HubTestCluster
{
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    private sealed class Configurator : ISiloConfigurator
    {
        // Registered after the standard clock, so this one is used.
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddKeyedSingleton<TimeProvider>(HubClock.Key, Clock);
    }
}
