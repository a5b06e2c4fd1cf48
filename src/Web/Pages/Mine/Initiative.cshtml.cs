using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Mine;

/// <summary>One initiative in the initiator's workspace: messages with the contact official, and rating the service at milestones.</summary>
public sealed class InitiativeModel(IGrainFactory grains, InitiativeCommands commands, HubAuthorization authorization) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    public IReadOnlyList<InitiativeMessage> Messages { get; private set; } = [];

    /// <summary>The milestones reached that the person has not rated yet.</summary>
    public IReadOnlyList<Milestone> ToRate { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public string? FailedForm { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Milestone Milestone { get; set; }
    [BindProperty] public int? Mark { get; set; }
    [BindProperty] public Dictionary<string, int> Kano { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    [BindProperty(SupportsGet = true, Name = "gelukt")]
    public string? Done { get; set; }

    public static readonly string[] KanoDimensions = ["fast", "relevant", "transparent", "consistent", "personal", "involved", "simple"];

    public string? ErrorFor(string form, string field) => FailedForm == form ? Shared.FormErrors.For(Errors, field) : null;

    public async Task<IActionResult> OnGet(Guid id) => await Load(id) ?? Page();

    public async Task<IActionResult> OnPostMessage(Guid id) => await Run(id, "message", HubAction.SendMessage,
        (grain, actor, access) => grain.SendMessage(Text ?? string.Empty, actor.PublicName(access), access.InitiatorId == actor.UserId));

    public async Task<IActionResult> OnPostRate(Guid id)
    {
        int Score(string dimension) => Kano.GetValueOrDefault(dimension);
        var kano = new KanoScores(Score("fast"), Score("relevant"), Score("transparent"), Score("consistent"), Score("personal"), Score("involved"), Score("simple"));
        return await Run(id, "rate", HubAction.Rate,
            (grain, actor, access) => grain.Rate(actor.UserId, access.InitiatorId == actor.UserId, Milestone, Mark ?? 0, kano, Comment), remembersPerson: true);
    }

    private async Task<IActionResult> Run(
        Guid id, string form, HubAction action, Func<IInitiativeGrain, Actor, InitiativeAccess, Task<InitiativeChangeResult>> change, bool remembersPerson = false)
    {
        var result = await commands.Change(User, form == "message" ? "sendMessage" : "rateService", id, action, change, HttpContext.RequestAborted, remembersPerson);
        if (result.Errors.Count == 0)
        {
            return Redirect($"/mijn/{id}?gelukt={form}");
        }

        Errors = result.Errors;
        FailedForm = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(id) ?? Page();
    }

    private async Task<IActionResult?> Load(Guid id)
    {
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        if (await grain.GetAccess() is not { } access || await grain.GetDetails() is not { } initiative)
        {
            return NotFound();
        }

        if (await authorization.Check(User, HubAction.ReadPrivate, access) is { } refused)
        {
            return refused.Code == UserErrorCodes.Unauthenticated ? Challenge() : Forbid();
        }

        Initiative = initiative;
        Messages = await grain.GetMessages() ?? [];
        var reached = (await grain.GetTimeline())!.Passed.Select(s => s.Status).ToList();
        var me = HubClaims.ToActor(User)!.UserId;
        var rated = (await grain.GetRatings() ?? []).Where(r => r.RaterId == me).Select(r => r.Milestone).ToHashSet();
        ToRate = access.InitiatorId == me
            ? Enum.GetValues<Milestone>().Where(m => RatingRules.Reached(m, reached) && !rated.Contains(m)).ToList()
            : [];
        return null;
    }
}
