using Haarlem.Initiatives.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// A test cluster whose domain clock belongs to one test class (<typeparamref name="TOwner"/>), so
/// that class can walk it forward without moving the clock of tests that run beside it.
/// </summary>
public abstract class OwnClockCluster<TOwner> : HubTestCluster
{
    /// <summary>This cluster's clock; starts at 2026-03-02 09:00 Amsterdam time, like the shared one.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    private sealed class Configurator : ISiloConfigurator
    {
        // Registered after the standard clock, so this one is used.
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddKeyedSingleton<TimeProvider>(HubClock.Key, Clock);
    }
}
