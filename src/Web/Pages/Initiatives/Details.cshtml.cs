using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Initiatives;

public sealed class DetailsModel(IGrainFactory grains, InitiativeCommands commands) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    public NeighbourhoodInfo Neighbourhood { get; private set; } = null!;

    public InitiativeTimeline Timeline { get; private set; } = null!;

    public InitiativeContact Contact { get; private set; } = null!;

    public InitiativeFile Dossier { get; private set; } = null!;

    public InitiativeInput Input { get; private set; } = null!;

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    /// <summary>Whether the person's input was just taken (after the redirect).</summary>
    [BindProperty(SupportsGet = true, Name = "gegeven")]
    public bool Given { get; set; }

    [BindProperty]
    public InputKind Kind { get; set; } = InputKind.Question;

    [BindProperty]
    public string? Text { get; set; }

    public Actor? Viewer => HubClaims.ToActor(User);

    public string? ErrorFor(string field) => Shared.FormErrors.For(Errors, field);

    public async Task<IActionResult> OnGet(Guid id) => await Load(id) ? Page() : NotFound();

    /// <summary>A resident gives support, a question, an idea or a concern.</summary>
    public async Task<IActionResult> OnPostInput(Guid id)
    {
        var result = await commands.Change(User, "giveInput", id, HubAction.GiveInput,
            (grain, actor, _) => grain.GiveInput(actor.UserId, Kind, Text), HttpContext.RequestAborted, remembersPerson: true);
        if (result.Errors.Count == 0)
        {
            return Redirect($"/initiatieven/{id}?gegeven=true#inbreng");
        }

        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(id) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id)
    {
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        if (await grain.GetDetails() is not { } initiative)
        {
            return false;
        }

        Initiative = initiative;
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(initiative.NeighbourhoodCode).GetInfo();
        var timeline = grain.GetTimeline();
        var contact = grain.GetContact();
        var dossier = grain.GetFile();
        var input = grain.GetInput();
        await Task.WhenAll(neighbourhood, timeline, contact, dossier, input);
        (Neighbourhood, Timeline, Contact, Dossier, Input) = (neighbourhood.Result!, timeline.Result!, contact.Result!, dossier.Result!, input.Result!);
        return true;
    }
}
