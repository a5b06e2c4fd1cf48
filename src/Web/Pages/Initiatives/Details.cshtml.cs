using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Initiatives;

public sealed class DetailsModel(IGrainFactory grains) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    public NeighbourhoodInfo Neighbourhood { get; private set; } = null!;

    public InitiativeTimeline Timeline { get; private set; } = null!;

    public InitiativeContact Contact { get; private set; } = null!;

    public InitiativeFile Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id)
    {
        if (await grains.GetGrain<IInitiativeGrain>(id).GetDetails() is not { } initiative)
        {
            return NotFound();
        }

        Initiative = initiative;
        Neighbourhood = (await grains.GetGrain<INeighbourhoodGrain>(initiative.NeighbourhoodCode).GetInfo())!;
        Timeline = (await grains.GetGrain<IInitiativeGrain>(id).GetTimeline())!;
        Contact = (await grains.GetGrain<IInitiativeGrain>(id).GetContact())!;
        Dossier = (await grains.GetGrain<IInitiativeGrain>(id).GetFile())!;
        return Page();
    }
}
