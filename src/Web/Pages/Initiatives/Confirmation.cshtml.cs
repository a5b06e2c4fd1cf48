using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Addresses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Initiatives;

/// <summary>
/// After the guided start: the initiative is in, what happens next with the expected day of each
/// step (from the service norms, as on the timeline), and who will contact the initiator. Only
/// the initiator sees it; anyone else goes to the public page.
/// </summary>
public sealed class ConfirmationModel(IGrainFactory grains) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    public InitiativeTimeline Timeline { get; private set; } = null!;

    public InitiativeContact Contact { get; private set; } = null!;

    public Initiator Initiator { get; private set; } = null!;

    public NeighbourhoodInfo Neighbourhood { get; private set; } = null!;

    /// <summary>Set when the partner from the guided start could not be added.</summary>
    [BindProperty(SupportsGet = true, Name = "partner")]
    public string? Partner { get; set; }

    public async Task<IActionResult> OnGet(Guid id)
    {
        if (HubClaims.ToActor(User) is not { } actor)
        {
            return Challenge();
        }

        var grain = grains.GetGrain<IInitiativeGrain>(id);
        if (await grain.GetDetails() is not { } details)
        {
            return NotFound();
        }

        if (await grain.GetInitiator() is not { } initiator || initiator.UserId != actor.UserId)
        {
            return Redirect(DutchAddresses.Initiative(id));
        }

        var timeline = grain.GetTimeline();
        var contact = grain.GetContact();
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(details.NeighbourhoodCode).GetInfo();
        await Task.WhenAll(timeline, contact, neighbourhood);
        (Initiative, Initiator, Timeline, Contact, Neighbourhood) = (details, initiator, timeline.Result!, contact.Result!, neighbourhood.Result!);
        return Page();
    }
}
