using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Neighbourhoods;

public sealed class FeedModel(IGrainFactory grains, InitiativeCommands commands) : PageModel
{
    public const int FeedSize = 50;

    public NeighbourhoodInfo Neighbourhood { get; private set; } = null!;

    public IReadOnlyList<FeedItem> Feed { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    /// <summary>The message for a field's first error, in plain Dutch; null when the field is fine.</summary>
    public string? ErrorFor(string field) => Shared.FormErrors.For(Errors, field);

    /// <summary>Whether the signed-in person follows this neighbourhood.</summary>
    public bool Following { get; private set; }

    /// <summary>The signed-in person, or null: then the page asks them to sign in before starting an initiative.</summary>
    public Actor? Viewer => HubClaims.ToActor(User);

    public async Task<IActionResult> OnGet(string code) => await Load(code) ? Page() : NotFound();

    public async Task<IActionResult> OnPost(string code)
    {
        if (!await Load(code))
        {
            return NotFound();
        }

        var theme = Enum.TryParse<Theme>(Theme, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : (Theme)(-1);
        var result = await commands.Submit(
            User, Guid.NewGuid(), new SubmitInitiative(Title ?? string.Empty, Summary ?? string.Empty, code, theme, ContactEmail, ContactPhone),
            HttpContext.RequestAborted);
        if (result.Initiative is { } initiative)
        {
            return Redirect($"/initiatieven/{initiative.Id}");
        }

        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

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
        Feed = await neighbourhood.GetLatest(FeedSize);
        if (Viewer is { } viewer)
        {
            Following = (await grains.GetGrain<IPersonGrain>(viewer.UserId).GetFollowedNeighbourhoods()).Contains(code);
        }

        return true;
    }
}
