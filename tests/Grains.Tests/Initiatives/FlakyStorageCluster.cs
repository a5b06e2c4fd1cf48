using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Grains.Tests.Initiatives;

/// <summary>
/// A test cluster whose grain storage can be told to refuse the next writes of one kind of state,
/// as a database does during a conflict or an outage.
/// </summary>
public sealed class FlakyStorageCluster : HubTestCluster
{
    public static FlakyStorage Storage { get; } = new();

    /// <summary>The silo's feed rows, which can be told to refuse the next appends.</summary>
    public static MemoryFeedRows Feed { get; } = new();

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage("inner");
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) =>
                Storage.Wrap(services.GetRequiredKeyedService<IGrainStorage>("inner")));
            siloBuilder.Services.AddSingleton<Grains.Feed.IFeedRows>(Feed);
        }
    }
}

public sealed class FlakyStorage
{
    private IGrainStorage? _inner;
    private int _failures;
    private string? _stateName;
    private bool _asOutage;

    public IGrainStorage Wrap(IGrainStorage inner)
    {
        _inner = inner;
        return new Wrapper(this);
    }

    /// <summary>
    /// The next <paramref name="count"/> writes of this state fail: as a version conflict, or
    /// (<paramref name="asOutage"/>) as a database that does not answer.
    /// </summary>
    public void FailWrites(string stateName, int count, bool asOutage = false)
    {
        _stateName = stateName;
        _asOutage = asOutage;
        Volatile.Write(ref _failures, count);
    }

    private sealed class Wrapper(FlakyStorage owner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            owner._inner!.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            stateName == owner._stateName && Interlocked.Decrement(ref owner._failures) >= 0
                ? throw (owner._asOutage
                    ? new TimeoutException($"Injected outage writing {stateName}.")
                    : new InconsistentStateException($"Injected conflict writing {stateName}."))
                : owner._inner!.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            owner._inner!.ClearStateAsync(stateName, grainId, grainState);
    }
}
