using System.Globalization;
using System.Text;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// "Around me" lists over GraphQL: <c>initiatives(filter: { near }, first: 20)</c> around a random
/// point in Haarlem (500 m, nearest first), next to the plain neighbourhood filter
/// <c>initiatives(filter: { neighbourhood }, first: 20)</c> in the same run. Twice: without
/// neighbourhood boundaries (every neighbourhood's index is asked), and with boundaries (only the
/// neighbourhoods the circle meets). The boundaries are a benchmark grid, 17 by 2 strips over the
/// rectangle around Haarlem, not real shapes; each initiative lies in its neighbourhood's strip.
/// </summary>
public static class NearReads
{
    private const string NearQuery =
        "query($lat: Float!, $lon: Float!) { initiatives(first: 20, filter: { near: { latitude: $lat, longitude: $lon, radiusMetres: 500 } }) { totalCount items { id title } } }";

    private const string NeighbourhoodQuery =
        "query($code: String!) { initiatives(first: 20, filter: { neighbourhood: $code }) { totalCount items { id title } } }";

    private const int Columns = 17;

    public static async Task Run(int initiatives, TimeSpan duration, int concurrency)
    {
        Console.WriteLine($"Near reads: {initiatives} initiatives with a place spread over Haarlem (SQLite), {duration.TotalSeconds:F0} s per measurement, " +
                          $"{concurrency} concurrent clients, {Environment.ProcessorCount} cores, clients in the same process.");
        using var folder = new TempFolder();
        var boundaries = folder.File("grid.geojson");
        foreach (var (label, settings) in new (string, Dictionary<string, string>)[]
                 {
                     ("without boundaries", []),
                     ("with boundaries (benchmark grid)", new() { ["Seed:BoundariesFile"] = boundaries }),
                 })
        {
            await using var hub = await BenchHub.Sqlite(null, label.StartsWith("with ", StringComparison.Ordinal) ? settings : null);
            var grains = hub.Services.GetRequiredService<IGrainFactory>();
            var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
            if (!File.Exists(boundaries))
            {
                await File.WriteAllTextAsync(boundaries, Grid(neighbourhoods));
            }

            var random = new Random(7);
            Console.Write($"{label}: ");
            var places = Enumerable.Range(0, initiatives).Select(n => InCell(n % neighbourhoods.Count, random)).ToArray();
            var ids = await ApiReads.Seed(grains, initiatives, concurrency, n => places[n], officials: false);
            await grains.Delivered([.. ids]);

            using var http = new HttpClient { BaseAddress = hub.Address };
            var centres = Enumerable.Range(0, 1000).Select(_ => InCell(random.Next(neighbourhoods.Count), random)).ToList();
            var near = await ApiReads.Measure(duration, concurrency, () =>
            {
                var centre = centres[Random.Shared.Next(centres.Count)];
                return ApiReads.PostGraphQL(http, null, NearQuery, new { lat = centre.Latitude, lon = centre.Longitude });
            });
            var plain = await ApiReads.Measure(duration, concurrency, () =>
                ApiReads.PostGraphQL(http, null, NeighbourhoodQuery, new { code = neighbourhoods[Random.Shared.Next(neighbourhoods.Count)].Code }));

            ApiReads.Print("initiatives(near 500 m, first: 20)", near);
            ApiReads.Print("initiatives(neighbourhood, first: 20)", plain);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: p99 near / neighbourhood {near.P99 / plain.P99:F2}; throughput near / neighbourhood {near.PerSecond / plain.PerSecond:F2}"));
        }
    }

    private static GeoBounds Cell(int index)
    {
        var b = MunicipalityMap.HaarlemBounds;
        var width = (b.East - b.West) / Columns;
        var height = (b.North - b.South) / 2;
        var (row, column) = (index / Columns, index % Columns);
        return new GeoBounds(b.South + (row * height), b.West + (column * width), b.South + ((row + 1) * height), b.West + ((column + 1) * width));
    }

    private static GeoPoint InCell(int index, Random random)
    {
        var cell = Cell(index);
        // Inside the strip, not on its edge.
        return new GeoPoint(
            cell.South + ((0.05 + (random.NextDouble() * 0.9)) * (cell.North - cell.South)),
            cell.West + ((0.05 + (random.NextDouble() * 0.9)) * (cell.East - cell.West)));
    }

    private static string Grid(IReadOnlyList<NeighbourhoodInfo> neighbourhoods)
    {
        var features = new StringBuilder();
        for (var i = 0; i < neighbourhoods.Count; i++)
        {
            var c = Cell(i);
            features.Append(CultureInfo.InvariantCulture,
                $$"""{{(i > 0 ? "," : "")}}{ "type": "Feature", "properties": { "code": "{{neighbourhoods[i].Code}}" }, "geometry": { "type": "Polygon", "coordinates": [[[{{c.West}},{{c.South}}],[{{c.East}},{{c.South}}],[{{c.East}},{{c.North}}],[{{c.West}},{{c.North}}],[{{c.West}},{{c.South}}]]] } }""");
        }

        return $$"""{ "type": "FeatureCollection", "features": [{{features}}] }""";
    }
}
