using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Neighbourhoods;

public sealed class FeedModel(IGrainFactory grains, InitiativeCommands commands, InitiativeCards cards) : PageModel
{
    public const int FeedSize = 50;

    /// <summary>How many of the neighbourhood's newest initiatives the page shows as cards.</summary>
    public const int CardCount = 12;

    public IReadOnlyList<InitiativeCard> Cards { get; private set; } = [];

    public int InitiativeCount { get; private set; }

    public NeighbourhoodInfo Neighbourhood { get; private set; } = null!;

    public IReadOnlyList<FeedItem> Feed { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    /// <summary>Whether the signed-in person follows this neighbourhood.</summary>
    public bool Following { get; private set; }

    /// <summary>The signed-in person, or null: then the page asks them to sign in before starting an initiative.</summary>
    public Actor? Viewer => HubClaims.ToActor(User);

    public async Task<IActionResult> OnGet(string code) => await Load(code) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFollow(string code)
    {
        if (!await Load(code))
        {
            return NotFound();
        }

        Errors = await commands.FollowNeighbourhood(User, code, follow: true, "follow", HttpContext.RequestAborted);
        return Errors.Count == 0 ? Redirect($"/buurten/{code}") : Page();
    }

    private async Task<bool> Load(string code)
    {
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(code);
        if (code.Length > InitiativeRules.NeighbourhoodCodeMaxLength || await neighbourhood.GetInfo() is not { } info)
        {
            return false;
        }

        Neighbourhood = info;
        var feed = neighbourhood.GetLatest(FeedSize);
        var newest = cards.Newest(new Dictionary<string, NeighbourhoodInfo> { [code] = info }, CardCount);
        await Task.WhenAll(feed, newest);
        Feed = feed.Result;
        (Cards, InitiativeCount) = newest.Result;
        if (Viewer is { } viewer)
        {
            Following = (await grains.GetGrain<IPersonGrain>(viewer.UserId).GetFollowedNeighbourhoods()).Contains(code);
        }

        return true;
    }
}
