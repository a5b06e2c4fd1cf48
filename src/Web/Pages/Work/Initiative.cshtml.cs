using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.PlainLanguage;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Work;

/// <summary>The official's page for one initiative: set the next step, answer input, extend the step.</summary>
public sealed class InitiativeModel(IGrainFactory grains, InitiativeCommands commands, HubAuthorization authorization) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    public InitiativeTimeline Timeline { get; private set; } = null!;

    public IReadOnlyList<ResidentInput> Waiting { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    /// <summary>The plain-language hints of the text just sent, when it was refused for them.</summary>
    public IReadOnlyList<PlainLanguageHint> Hints { get; private set; } = [];

    /// <summary>Which form the errors belong to: status, answer-N or extend.</summary>
    public string? FailedForm { get; private set; }

    [BindProperty] public InitiativeStatus? Status { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public DecisionOutcome? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool PublishAnyway { get; set; }
    [BindProperty] public int Number { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public InputOutcome? InputOutcome { get; set; }
    [BindProperty] public DateOnly? NewDate { get; set; }

    /// <summary>The step after the current one, as the lifecycle allows it.</summary>
    public InitiativeStatus? NextStep => StatusTransitions.Next(Initiative.Status);

    public string? ErrorFor(string form, string field) => FailedForm == form ? Shared.FormErrors.For(Errors, field) : null;

    public async Task<IActionResult> OnGet(Guid id) => await Load(id) ?? Page();

    public async Task<IActionResult> OnPostStatus(Guid id) => await Run(id, "status", HubAction.ChangeStatus, Explanation,
        (grain, actor, access) => grain.ChangeStatus(
            new StatusChangeRequest(Status ?? (InitiativeStatus)(-1), Explanation ?? string.Empty, Outcome, Reason, PublishAnyway), actor.PublicName(access)));

    public async Task<IActionResult> OnPostAnswer(Guid id) => await Run(id, $"answer-{Number}", HubAction.AnswerInput, Answer,
        (grain, actor, access) => grain.AnswerInput(Number, Answer ?? string.Empty, InputOutcome ?? (InputOutcome)(-1), Reason, actor.PublicName(access), PublishAnyway));

    public async Task<IActionResult> OnPostExtend(Guid id) => await Run(id, "extend", HubAction.ExtendStep, Reason,
        (grain, actor, access) => grain.ExtendStep(new ExtendStepRequest(NewDate ?? DateOnly.MinValue, Reason ?? string.Empty, PublishAnyway), actor.PublicName(access)));

    private async Task<IActionResult> Run(
        Guid id, string form, HubAction action, string? text, Func<IInitiativeGrain, Actor, InitiativeAccess, Task<InitiativeChangeResult>> change)
    {
        var result = await commands.Change(User, form.Split('-')[0], id, action, change, HttpContext.RequestAborted);
        if (result.Errors.Count == 0)
        {
            return Redirect($"/werk/{id}?gelukt={form.Split('-')[0]}");
        }

        Errors = result.Errors;
        FailedForm = form;
        if (result.Errors.Any(e => e.Code == "PLAIN_LANGUAGE") && text is not null)
        {
            Hints = PlainLanguageChecker.Check(text).Hints;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(id) ?? Page();
    }

    [BindProperty(SupportsGet = true, Name = "gelukt")]
    public string? Done { get; set; }

    private async Task<IActionResult?> Load(Guid id)
    {
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        if (await grain.GetAccess() is not { } access || await grain.GetDetails() is not { } initiative)
        {
            return NotFound();
        }

        if (await authorization.Check(User, HubAction.AnswerInput, access) is { } refused)
        {
            return refused.Code == UserErrorCodes.Unauthenticated ? Challenge() : Forbid();
        }

        Initiative = initiative;
        Timeline = (await grain.GetTimeline())!;
        Waiting = (await grain.GetInput())!.Items.Where(i => i.Kind != InputKind.Support && i.Answer is null).ToList();
        return null;
    }
}
