using System.Text.Json;
using System.Text.RegularExpressions;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages;

/// <summary>
/// The home page: what happens in Haarlem now (the newest initiatives as cards, the latest news
/// of every neighbourhood, live), the open initiatives per district, "start an initiative", and
/// the choice of a neighbourhood.
/// </summary>
public sealed partial class IndexModel(IGrainFactory grains, InitiativeCards cards) : PageModel
{
    /// <summary>How many of the newest initiatives the page shows as cards.</summary>
    public const int NewestCount = 6;

    /// <summary>How many news items across the city the page shows (the live list keeps this many too).</summary>
    public const int NewsCount = 10;

    /// <summary>What the person searched for: part of a neighbourhood's or district's name.</summary>
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public IReadOnlyList<IGrouping<string, NeighbourhoodInfo>> Districts { get; private set; } = [];

    /// <summary>Whether the search looks like a postcode, which the hub cannot place in a neighbourhood yet (docs/ui.md says why).</summary>
    public bool SearchIsPostcode { get; private set; }

    public IReadOnlyList<InitiativeCard> Newest { get; private set; } = [];

    /// <summary>How many initiatives the search shows as cards (the newest that match).</summary>
    public const int FoundCount = 12;

    /// <summary>The initiatives whose title matches the search, newest first; empty without a search.</summary>
    public IReadOnlyList<InitiativeCard> Found { get; private set; } = [];

    public int FoundTotal { get; private set; }

    /// <summary>Set when the search is longer than a title search takes: it is not run.</summary>
    public bool SearchTooLong { get; private set; }

    public int InitiativeCount { get; private set; }

    /// <summary>The open initiatives per district, in the order of the neighbourhood list.</summary>
    public IReadOnlyList<(string District, int Open)> OpenPerDistrict { get; private set; } = [];

    public IReadOnlyDictionary<string, int> OpenPerNeighbourhood { get; private set; } = new Dictionary<string, int>();

    /// <summary>The newest news items of all neighbourhoods together, newest first.</summary>
    public IReadOnlyList<FeedItem> News { get; private set; } = [];

    public IReadOnlyDictionary<string, NeighbourhoodInfo> Neighbourhoods { get; private set; } = new Dictionary<string, NeighbourhoodInfo>();

    /// <summary>For the live list: every neighbourhood's last item number, so it catches up on each from there.</summary>
    public string LastSequences { get; private set; } = "{}";

    /// <summary>For the live list: the neighbourhoods' names by code.</summary>
    public string Names { get; private set; } = "{}";

    public async Task OnGet()
    {
        var all = await NeighbourhoodDirectory.Get(grains).List();
        Neighbourhoods = all.ToDictionary(n => n.Code);
        var codes = all.Select(n => n.Code).ToList();
        var newest = cards.Newest(Neighbourhoods, NewestCount);
        var open = cards.OpenPerNeighbourhood(codes);
        var latest = Task.WhenAll(codes.Select(code => grains.GetGrain<INeighbourhoodGrain>(code).GetLatest(NewsCount)));
        await Task.WhenAll(newest, open, latest);

        (Newest, InitiativeCount) = newest.Result;
        OpenPerNeighbourhood = open.Result;
        OpenPerDistrict = all.GroupBy(n => n.District).Select(d => (d.Key, d.Sum(n => open.Result.GetValueOrDefault(n.Code)))).ToList();
        News = latest.Result.SelectMany(items => items).OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Sequence).Take(NewsCount).ToList();
        LastSequences = JsonSerializer.Serialize(codes.Zip(latest.Result).ToDictionary(p => p.First, p => p.Second.Count > 0 ? p.Second.Max(i => i.Sequence) : 0));
        Names = JsonSerializer.Serialize(Neighbourhoods.ToDictionary(n => n.Key, n => n.Value.Name));

        var search = Search?.Trim();
        SearchIsPostcode = search is { Length: > 0 } && Postcode().IsMatch(search);
        SearchTooLong = search is { Length: > InitiativeFilter.TitleSearchMaxLength };
        if (search is { Length: > 0 } && !SearchIsPostcode && !SearchTooLong)
        {
            (Found, FoundTotal) = await cards.Newest(Neighbourhoods, FoundCount, new InitiativeFilter(TitleContains: search));
        }

        Districts = all
            .Where(n => string.IsNullOrEmpty(search) ||
                        n.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase) ||
                        n.District.Contains(search, StringComparison.CurrentCultureIgnoreCase))
            .GroupBy(n => n.District)
            .ToList();
    }

    [GeneratedRegex(@"^[1-9][0-9]{3}\s?[a-zA-Z]{2}$|^[1-9][0-9]{3}$")]
    private static partial Regex Postcode();
}
