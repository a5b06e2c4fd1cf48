using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Seed;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Silo.Tests.Seed;

/// <summary>
/// Neighbourhood boundaries from GeoJSON. The shapes here are test squares, not real boundaries:
/// the hub ships none (docs/ui.md, "Maps").
/// </summary>
public sealed class NeighbourhoodBoundariesFileTests : IDisposable
{
    private static readonly IReadOnlyList<NeighbourhoodInfo> Neighbourhoods =
    [
        new("west", "West", "Testwijk", "WK999901"),
        new("oost", "Oost", "Testwijk", "WK999902"),
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Square(double south, double west, double size) =>
        FormattableString.Invariant($"[[[{west},{south}],[{west + size},{south}],[{west + size},{south + size}],[{west},{south + size}],[{west},{south}]]]");

    private string Write(string text)
    {
        var path = _folder.File($"boundaries-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, text);
        return path;
    }

    private string TwoSquares() => Write($$"""
        { "type": "FeatureCollection", "features": [
          { "type": "Feature", "properties": { "code": "west" }, "geometry": { "type": "Polygon", "coordinates": {{Square(52.37, 4.62, 0.01)}} } },
          { "type": "Feature", "properties": { "wijkcode": "WK999902" }, "geometry": { "type": "Polygon", "coordinates": {{Square(52.37, 4.63, 0.01)}} } } ] }
        """);

    [Fact]
    public void With_boundaries_a_point_decides_its_neighbourhood_and_the_municipality_is_their_union()
    {
        var map = new MunicipalityMap("Testgemeente", MunicipalityMap.HaarlemBounds, NeighbourhoodBoundariesFile.Read(TwoSquares(), Neighbourhoods));

        map.HasBoundaries.Should().BeTrue();
        map.NeighbourhoodOf(new GeoPoint(52.375, 4.625)).Should().Be("west");
        map.NeighbourhoodOf(new GeoPoint(52.375, 4.635)).Should().Be("oost");
        map.Contains(new GeoPoint(52.39, 4.625)).Should().BeFalse(); // inside the rectangle, outside both boundaries
        map.NeighbourhoodOf(new GeoPoint(52.39, 4.625)).Should().BeNull();
    }

    [Fact]
    public void A_circle_meets_the_neighbourhoods_whose_boundary_it_reaches_and_without_boundaries_it_may_meet_any()
    {
        var map = new MunicipalityMap("Testgemeente", MunicipalityMap.HaarlemBounds, NeighbourhoodBoundariesFile.Read(TwoSquares(), Neighbourhoods));

        // The squares meet at longitude 4.63; 0.001 degree of longitude is about 68 m here.
        map.NeighbourhoodsMeeting(new GeoPoint(52.375, 4.622), 200).Should().BeEquivalentTo(["west"]);
        map.NeighbourhoodsMeeting(new GeoPoint(52.375, 4.629), 200).Should().BeEquivalentTo(["west", "oost"]);
        map.NeighbourhoodsMeeting(new GeoPoint(52.40, 4.60), 200).Should().BeEmpty();
        MunicipalityMap.Haarlem.NeighbourhoodsMeeting(TestPlaces.GroteMarkt, 200).Should().BeNull();
    }

    [Theory]
    [InlineData("""{ "type": "FeatureCollection", "features": [] }""", "it holds no features")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "code": "noord" }, "geometry": { "type": "Polygon", "coordinates": [[[4.6,52.3],[4.7,52.3],[4.7,52.4],[4.6,52.3]]] } } ] }""",
        "feature 1 names no known neighbourhood (property 'code' 'noord', or 'wijkcode' or 'buurtcode' '')")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "code": "west" }, "geometry": { "type": "Point", "coordinates": [4.6,52.3] } } ] }""",
        "feature 1 (west) needs a valid Polygon or MultiPolygon")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "code": "west" }, "geometry": { "type": "Polygon", "coordinates": [[[103000,488000],[104000,488000],[104000,489000],[103000,488000]]] } } ] }""",
        "feature 1 (west) has coordinates outside WGS84 degrees (convert RD New first, for example: ogr2ogr -t_srs EPSG:4326)")]
    public void A_file_that_cannot_be_used_is_refused_with_one_line_naming_the_file_and_the_problem(string text, string problem)
    {
        var path = Write(text);

        var refusal = FluentActions.Invoking(() => NeighbourhoodBoundariesFile.Read(path, Neighbourhoods)).Should().Throw<HubConfigurationException>().Which;

        refusal.Message.Should().Be($"Seed:BoundariesFile '{path}' cannot be used: {problem}.");
    }

    [Fact]
    public void A_file_that_is_not_GeoJSON_is_refused_naming_the_file()
    {
        var path = Write("{ this is not json");

        var refusal = FluentActions.Invoking(() => NeighbourhoodBoundariesFile.Read(path, Neighbourhoods)).Should().Throw<HubConfigurationException>().Which;

        refusal.Message.Should().StartWith($"Seed:BoundariesFile '{path}' cannot be used: it is not a GeoJSON FeatureCollection (");
    }

    [Fact]
    public void Without_a_boundaries_file_the_hub_uses_the_rectangle_around_the_municipality()
    {
        var map = NeighbourhoodBoundariesFile.Load(new HubSiloSettings());

        map.HasBoundaries.Should().BeFalse();
        map.Bounds.Should().Be(MunicipalityMap.HaarlemBounds);
        map.Contains(TestPlaces.GroteMarkt).Should().BeTrue();
        map.Contains(new GeoPoint(52.3676, 4.9041)).Should().BeFalse();
    }
}
