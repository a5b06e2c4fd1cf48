using Haarlem.Initiatives.Grains.Neighbourhoods;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages;

public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<IGrouping<string, NeighbourhoodInfo>> Districts { get; private set; } = [];

    public async Task OnGet()
    {
        var neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        Districts = neighbourhoods.GroupBy(n => n.District).ToList();
    }
}
