using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Work;

/// <summary>The official's work queue: the current steps of their initiatives and the input waiting for their answer, overdue first.</summary>
public sealed class IndexModel(IGrainFactory grains, InitiativeCards cards, [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    /// <summary>The initiatives the queue is about, as cards, in the queue's order.</summary>
    public IReadOnlyList<InitiativeCard> Initiatives { get; private set; } = [];

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (HubClaims.ToActor(User) is not { } actor)
        {
            return Challenge();
        }

        if (!AccessRules.AllowsWorkQueue(actor, actor.UserId))
        {
            return Forbid();
        }

        Today = Grains.Norms.WorkingDays.DayOf(time.GetUtcNow());
        Items = await grains.GetGrain<IOfficialGrain>(actor.UserId).GetQueue();
        Initiatives = await cards.For(Items.Select(i => i.InitiativeId).Distinct());
        return Page();
    }

    public bool IsOverdue(WorkItem item) => item.IsOverdue(Today);
}
