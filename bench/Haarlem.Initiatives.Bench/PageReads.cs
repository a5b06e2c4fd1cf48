using System.Text.Json;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Web.Initiatives;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// The pages a new resident sees first, rendered by the real hub over loopback with many
/// initiatives stored: the home page (cards, the city's news, open per district), a
/// neighbourhood page, an initiative page. Next to the home page, a minimal-API endpoint in the
/// same process that makes the same grain calls and returns the data as JSON (the baseline), so
/// the figures show what rendering the page costs above reading its data.
/// </summary>
public static class PageReads
{
    public static async Task Run(int initiatives, TimeSpan duration, int concurrency)
    {
        Console.WriteLine($"Page reads: {initiatives} initiatives across Haarlem's neighbourhoods (SQLite), {duration.TotalSeconds:F0} s per measurement, " +
                          $"{concurrency} concurrent clients, {Environment.ProcessorCount} cores, clients in the same process.");
        await using var hub = await BenchHub.Sqlite(MapBaseline);
        var grains = hub.Services.GetRequiredService<IGrainFactory>();
        var ids = await ApiReads.Seed(grains, initiatives, concurrency);
        var codes = (await NeighbourhoodDirectory.Get(grains).List()).Select(n => n.Code).ToList();
        using var http = new HttpClient { BaseAddress = hub.Address };

        var home = await ApiReads.Measure(duration, concurrency, () => Get(http, "/"));
        var baseline = await ApiReads.Measure(duration, concurrency, () => Get(http, "/baseline/home"));
        var neighbourhood = await ApiReads.Measure(duration, concurrency, () => Get(http, $"/buurten/{codes[Random.Shared.Next(codes.Count)]}"));
        var initiative = await ApiReads.Measure(duration, concurrency, () => Get(http, $"/initiatieven/{ids[Random.Shared.Next(ids.Count)]}"));

        ApiReads.Print("home page /", home);
        ApiReads.Print("home data as JSON (baseline)", baseline);
        Console.WriteLine($"ratio page / baseline: {home.PerSecond / baseline.PerSecond:F2}");
        ApiReads.Print("neighbourhood page /buurten/{code}", neighbourhood);
        ApiReads.Print("initiative page /initiatieven/{id}", initiative);
    }

    /// <summary>The home page's data: the same calls as its page model, as JSON.</summary>
    private static void MapBaseline(WebApplication app) =>
        app.MapGet("/baseline/home", async (IGrainFactory grains, InitiativeCards cards) =>
        {
            var all = await NeighbourhoodDirectory.Get(grains).List();
            var codes = all.Select(n => n.Code).ToList();
            var newest = cards.Newest(all.ToDictionary(n => n.Code), 6);
            var open = cards.OpenPerNeighbourhood(codes);
            var latest = Task.WhenAll(codes.Select(code => grains.GetGrain<INeighbourhoodGrain>(code).GetLatest(10)));
            await Task.WhenAll(newest, open, latest);
            var news = latest.Result.SelectMany(items => items).OrderByDescending(i => i.OccurredAt).Take(10);
            return Results.Text(JsonSerializer.Serialize(new
            {
                Cards = newest.Result.Cards.Select(c => new { c.Id, c.Title, Theme = c.Theme.ToString(), c.Neighbourhood.Name, Status = c.Status.ToString(), c.CurrentStep?.ExpectedEnd, Mark = c.Mark.ToString(), c.SupportCount }),
                newest.Result.Total,
                Open = all.GroupBy(n => n.District).ToDictionary(d => d.Key, d => d.Sum(n => open.Result.GetValueOrDefault(n.Code))),
                News = news.Select(i => new { i.NeighbourhoodCode, i.Sequence, i.Title, i.Text, i.OccurredAt }),
            }), "application/json");
        });

    private static async Task<bool> Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && body.Length > 0;
    }
}
