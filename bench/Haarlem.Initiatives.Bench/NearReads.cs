using System.Diagnostics;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// "Around me" lists over GraphQL: <c>initiatives(filter: { near }, first: 20)</c> around a random
/// point in Haarlem (500 m, nearest first, across every neighbourhood's index), next to the plain
/// neighbourhood filter <c>initiatives(filter: { neighbourhood }, first: 20)</c> in the same run.
/// </summary>
public static class NearReads
{
    private const string NearQuery =
        "query($lat: Float!, $lon: Float!) { initiatives(first: 20, filter: { near: { latitude: $lat, longitude: $lon, radiusMetres: 500 } }) { totalCount items { id title } } }";

    private const string NeighbourhoodQuery =
        "query($code: String!) { initiatives(first: 20, filter: { neighbourhood: $code }) { totalCount items { id title } } }";

    public static async Task Run(int initiatives, TimeSpan duration, int concurrency)
    {
        Console.WriteLine($"Near reads: {initiatives} initiatives with a place spread over Haarlem (SQLite), {duration.TotalSeconds:F0} s per measurement, " +
                          $"{concurrency} concurrent clients, {Environment.ProcessorCount} cores, clients in the same process.");
        await using var hub = await BenchHub.Sqlite();
        var grains = hub.Services.GetRequiredService<IGrainFactory>();
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        var bounds = MunicipalityMap.HaarlemBounds;
        var random = new Random(7);
        GeoPoint Somewhere() => new(
            bounds.South + (random.NextDouble() * (bounds.North - bounds.South)),
            bounds.West + (random.NextDouble() * (bounds.East - bounds.West)));

        var places = Enumerable.Range(0, initiatives).Select(_ => Somewhere()).ToList();
        var clock = Stopwatch.StartNew();
        var next = -1;
        var ids = new Guid[initiatives];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < initiatives)
            {
                ids[n] = Guid.NewGuid();
                var grain = grains.GetGrain<IInitiativeGrain>(ids[n]);
                await grain.Submit(new SubmitInitiative($"Initiatief {n}", "Een plan voor de buurt.", neighbourhoods[n % neighbourhoods.Count].Code, Theme.Green, Location: places[n]), TestPeople.Initiator);
            }
        }));
        await grains.Delivered(ids);
        Console.WriteLine($"seeded {initiatives} initiatives in {clock.Elapsed.TotalSeconds:F0} s ({initiatives / clock.Elapsed.TotalSeconds:F0}/s)");

        using var http = new HttpClient { BaseAddress = hub.Address };
        var centres = Enumerable.Range(0, 1000).Select(_ => Somewhere()).ToList();
        var near = await ApiReads.Measure(duration, concurrency, () =>
        {
            var centre = centres[Random.Shared.Next(centres.Count)];
            return ApiReads.PostGraphQL(http, null, NearQuery, new { lat = centre.Latitude, lon = centre.Longitude });
        });
        var plain = await ApiReads.Measure(duration, concurrency, () =>
            ApiReads.PostGraphQL(http, null, NeighbourhoodQuery, new { code = neighbourhoods[Random.Shared.Next(neighbourhoods.Count)].Code }));

        ApiReads.Print("initiatives(near 500 m, first: 20)", near);
        ApiReads.Print("initiatives(neighbourhood, first: 20)", plain);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"p99 near / neighbourhood: {near.P99 / plain.P99:F2}; throughput near / neighbourhood: {near.PerSecond / plain.PerSecond:F2}"));
    }
}
