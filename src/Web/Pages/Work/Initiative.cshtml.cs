using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.PlainLanguage;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Haarlem.Initiatives.Web.Pages.Work;

/// <summary>The official's page for one initiative: set the next step, answer input, extend the step.</summary>
public sealed class InitiativeModel(IGrainFactory grains, InitiativeCommands commands, HubAuthorization authorization)
    : InitiativeFormPage(grains, commands, authorization)
{
    public InitiativeTimeline Timeline { get; private set; } = null!;

    public IReadOnlyList<ResidentInput> Waiting { get; private set; } = [];

    /// <summary>The plain-language hints of the text just sent, when it was refused for them.</summary>
    public IReadOnlyList<PlainLanguageHint> Hints { get; private set; } = [];

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

    protected override string PathOf(Guid id) => $"/werk/{id}";

    protected override HubAction ViewAction => HubAction.AnswerInput;

    protected override async Task LoadMore(IInitiativeGrain grain, InitiativeAccess access)
    {
        Timeline = (await grain.GetTimeline())!;
        Waiting = (await grain.GetInput())!.Items.Where(i => i.Kind != InputKind.Support && i.Answer is null).ToList();
        OnAgenda = await grain.IsOnAgenda();
        Initiator = await grain.GetInitiator();

        // Input the desk gave for a resident says for whom (the official may know who it is).
        var names = new Dictionary<string, string>();
        foreach (var resident in Waiting.Where(i => i.AssistedBy is not null).Select(i => i.ResidentId).Distinct())
        {
            if (await GrainFactory.GetGrain<Haarlem.Initiatives.Grains.People.IPersonGrain>(resident).GetRecord() is { } record)
            {
                names[resident] = record.Profile.Name;
            }
        }

        AssistedNames = names;
    }

    /// <summary>Who started the initiative, and how it reached the municipality.</summary>
    public Initiator? Initiator { get; private set; }

    /// <summary>The names of the residents the desk gave input for.</summary>
    public IReadOnlyDictionary<string, string> AssistedNames { get; private set; } = new Dictionary<string, string>();

    protected override void OnRefused(string form, IReadOnlyList<UserError> errors)
    {
        var text = form switch { "status" => Explanation, "extend" => Reason, _ => Answer };
        if (errors.Any(e => e.Code == "PLAIN_LANGUAGE") && text is not null)
        {
            Hints = PlainLanguageChecker.Check(text).Hints;
        }
    }

    public Task<IActionResult> OnPostStatus(Guid id) => Run(id, "status", "changeStatus", HubAction.ChangeStatus,
        (grain, actor, access) => grain.ChangeStatus(
            new StatusChangeRequest(Status ?? (InitiativeStatus)(-1), Explanation ?? string.Empty, Outcome, Reason, PublishAnyway), actor.PublicName(access)));

    public Task<IActionResult> OnPostAnswer(Guid id) => Run(id, $"answer-{Number}", "answerInput", HubAction.AnswerInput,
        (grain, actor, access) => grain.AnswerInput(Number, Answer ?? string.Empty, InputOutcome ?? (InputOutcome)(-1), Reason, actor.PublicName(access), PublishAnyway));

    /// <summary>The new contact official, for a hand-over (coordinators).</summary>
    [BindProperty] public OfficialInput Official { get; set; } = new();

    [BindProperty] public string? HandOverReason { get; set; }

    /// <summary>Whether the person may hand the initiative over to another contact official.</summary>
    public bool CanHandOver => AccessRules.Allows(HubClaims.ToActor(User), HubAction.AssignContactOfficial);

    public Task<IActionResult> OnPostHandOver(Guid id) => Run(id, "handover", "assignContactOfficial", HubAction.AssignContactOfficial,
        (grain, actor, _) => grain.AssignContactOfficial(Official.ToContactOfficial(), actor.Name, HandOverReason));

    /// <summary>The reason for putting the initiative on the Bestuur op Maat agenda.</summary>
    [BindProperty] public string? EscalationReason { get; set; }

    /// <summary>Whether the initiative is on the Bestuur op Maat agenda already.</summary>
    public bool OnAgenda { get; private set; }

    public Task<IActionResult> OnPostEscalate(Guid id) => Run(id, "escalate", "escalate", HubAction.ChangeStatus,
        (grain, actor, access) => grain.Escalate(EscalationReason ?? string.Empty, actor.PublicName(access)));

    public Task<IActionResult> OnPostExtend(Guid id) => Run(id, "extend", "extendStep", HubAction.ExtendStep,
        (grain, actor, access) => grain.ExtendStep(new ExtendStepRequest(NewDate ?? DateOnly.MinValue, Reason ?? string.Empty, PublishAnyway), actor.PublicName(access)));
}
