using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Mine;

/// <summary>The initiator's workspace: the initiatives they started.</summary>
public sealed class IndexModel(IGrainFactory grains, InitiativeCards cards) : PageModel
{
    public IReadOnlyList<InitiativeCard> Started { get; private set; } = [];

    public async Task<IActionResult> OnGet()
    {
        if (HubClaims.ToActor(User) is not { } actor)
        {
            return Challenge();
        }

        var ids = await grains.GetGrain<IPersonGrain>(actor.UserId).GetInitiatives();
        var mine = await Task.WhenAll(ids.Select(async id =>
        {
            var grain = grains.GetGrain<IInitiativeGrain>(id);
            return (await grain.GetAccess())?.InitiatorId == actor.UserId ? await grain.GetDetails() : null;
        }));
        Started = await cards.For(mine.OfType<InitiativeDetails>().OrderByDescending(i => i.SubmittedAt).Select(i => i.Id));
        return Page();
    }
}
