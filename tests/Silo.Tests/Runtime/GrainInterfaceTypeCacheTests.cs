using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Metadata;

namespace Haarlem.Initiatives.Silo.Tests.Runtime;

/// <summary>Orleans asks the cache first, and the cache answers what Orleans' own providers give (the interface's alias).</summary>
public sealed class GrainInterfaceTypeCacheTests : IDisposable
{
    private readonly IHost _host;

    public GrainInterfaceTypeCacheTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            GrainInterfaceTypeCache.AddFirst(silo.Services);
        });
        _host = builder.Build();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public void The_cache_is_the_first_provider_Orleans_asks()
    {
        var cache = _host.Services.GetRequiredService<GrainInterfaceTypeCache>();

        _host.Services.GetServices<IGrainInterfaceTypeProvider>().First().Should().BeSameAs(cache);
    }

    [Fact]
    public void An_interface_is_resolved_once_as_Orleans_names_it_and_then_answered_from_memory()
    {
        var cache = _host.Services.GetRequiredService<GrainInterfaceTypeCache>();
        var resolver = _host.Services.GetRequiredService<GrainInterfaceTypeResolver>();
        cache.Knows(typeof(IInitiativeGrain)).Should().BeFalse();

        var first = resolver.GetGrainInterfaceType(typeof(IInitiativeGrain));

        first.ToString().Should().Be("haarlem.initiative");
        cache.Knows(typeof(IInitiativeGrain)).Should().BeTrue();
        cache.Knows(typeof(IPersonGrain)).Should().BeFalse();
        resolver.GetGrainInterfaceType(typeof(IInitiativeGrain)).Should().Be(first);
    }
}
