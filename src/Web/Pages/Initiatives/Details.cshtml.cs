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

/// <summary>One step in the step indicator: passed (with the day it was reached), current or ahead (with the day it is expected to be done).</summary>
public sealed record StepView(InitiativeStatus Status, StepState State, DateOnly? Date);

public enum StepState
{
    Passed,
    Current,
    Ahead,
}

public sealed class DetailsModel(IGrainFactory grains, InitiativeCommands commands) : PageModel
{
    /// <summary>The steps from submission to completion, for the indicator at the top of the page.</summary>
    public IReadOnlyList<StepView> Steps { get; private set; } = [];

    /// <summary>The current step; null when the initiative has ended.</summary>
    public StepView? CurrentStep => Steps.FirstOrDefault(s => s.State == StepState.Current);

    /// <summary>The current step's place in <see cref="Steps"/>, from 1.</summary>
    public int CurrentNumber => Steps.TakeWhile(s => s.State != StepState.Current).Count() + 1;

    /// <summary>How the current step stands against its date (<see cref="Web.Initiatives.StepMark.Ended"/> when the initiative has ended).</summary>
    public Web.Initiatives.StepMark Mark { get; private set; }

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
        Steps = StepsOf(Timeline);
        Mark = Web.Initiatives.InitiativeCard.MarkOf(Timeline);
        return true;
    }

    /// <summary>
    /// The steps passed (the last one of the history is the current step while the initiative is
    /// open), the current one, the ones ahead, and completion at the end of the plan.
    /// </summary>
    public static IReadOnlyList<StepView> StepsOf(InitiativeTimeline timeline)
    {
        var open = timeline.Ahead.Count > 0;
        var passed = open ? timeline.Passed.Take(timeline.Passed.Count - 1) : timeline.Passed;
        var steps = passed.Select(p => new StepView(p.Status, StepState.Passed, Grains.Norms.WorkingDays.DayOf(p.ReachedAt))).ToList();
        if (open)
        {
            steps.AddRange(timeline.Ahead.Select(a => new StepView(a.Status, a.IsCurrent ? StepState.Current : StepState.Ahead, a.ExpectedEnd)));
            steps.Add(new StepView(InitiativeStatus.Completed, StepState.Ahead, timeline.ExpectedCompletion));
        }

        return steps;
    }
}
