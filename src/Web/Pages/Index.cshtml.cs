using Haarlem.Initiatives.Grains.Neighbourhoods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages;

public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    /// <summary>What the person searched for: part of a neighbourhood's or district's name.</summary>
    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public IReadOnlyList<IGrouping<string, NeighbourhoodInfo>> Districts { get; private set; } = [];

    public async Task OnGet()
    {
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        var search = Search?.Trim();
        Districts = neighbourhoods
            .Where(n => string.IsNullOrEmpty(search) ||
                        n.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase) ||
                        n.District.Contains(search, StringComparison.CurrentCultureIgnoreCase))
            .GroupBy(n => n.District)
            .ToList();
    }
}
