using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Grains.Tests.Geo;

/// <summary>A cluster whose municipality has neighbourhood boundaries: two test squares side by side (not real shapes).</summary>
public sealed class BoundariesCluster : HubTestCluster
{
    public const string West = "grens-west";
    public const string East = "grens-oost";

    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    private static Polygon Square(double south, double west, double size)
    {
        var factory = new GeometryFactory();
        return factory.CreatePolygon([new(west, south), new(west + size, south), new(west + size, south + size), new(west, south + size), new(west, south)]);
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton(new MunicipalityMap(
            "Haarlem", MunicipalityMap.HaarlemBounds,
            new Dictionary<string, Geometry> { [West] = Square(52.37, 4.62, 0.01), [East] = Square(52.37, 4.63, 0.01) }));
    }
}

/// <summary>With boundaries loaded, a point decides the neighbourhood: an initiative's place must lie in its own.</summary>
public sealed class BoundaryTests(BoundariesCluster hub) : IClassFixture<BoundariesCluster>
{
    private async Task<SubmitResult> Submit(GeoPoint place)
    {
        foreach (var code in new[] { BoundariesCluster.West, BoundariesCluster.East })
        {
            await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, code, "Testwijk", null));
        }

        return await hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid())
            .Submit(new SubmitInitiative("Moestuin", "Samen groente kweken.", BoundariesCluster.West, Theme.Green, Location: place), TestPeople.Initiator);
    }

    [Fact]
    public async Task A_place_in_the_initiatives_own_neighbourhood_is_taken_one_across_the_border_or_outside_every_boundary_is_not()
    {
        var inside = await Submit(new GeoPoint(52.375, 4.625));
        var across = await Submit(new GeoPoint(52.375, 4.635));
        var outside = await Submit(new GeoPoint(52.39, 4.625));

        inside.Errors.Should().BeEmpty();
        across.Errors.Should().Equal(new UserError(UserErrorCodes.Invalid, "location",
            "The place lies in neighbourhood grens-oost, not in the initiative's neighbourhood grens-west."));
        outside.Errors.Should().Equal(new UserError(GeoRules.OutsideMunicipality, "location", "The place must lie within the municipality of Haarlem."));
    }
}
