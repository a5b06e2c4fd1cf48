using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Initiatives;

/// <summary>
/// One initiative's card as an HTML fragment: the live lists (home, neighbourhood) fetch it when
/// a feed item says a new initiative came in or a shown one changed, so a card is always the
/// server's own rendering in the person's language.
/// </summary>
public sealed class CardModel(InitiativeCards cards) : PageModel
{
    public InitiativeCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid id)
    {
        if ((await cards.For([id])) is not [var card])
        {
            return NotFound();
        }

        Card = card;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
