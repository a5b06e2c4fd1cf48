using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Haarlem.Initiatives.Web.Pages.Mine;

/// <summary>One initiative in the initiator's workspace: messages with the contact official, and rating the service at milestones.</summary>
public sealed class InitiativeModel(IGrainFactory grains, InitiativeCommands commands, HubAuthorization authorization)
    : InitiativeFormPage(grains, commands, authorization)
{
    public static readonly string[] KanoDimensions = ["fast", "relevant", "transparent", "consistent", "personal", "involved", "simple"];

    public IReadOnlyList<InitiativeMessage> Messages { get; private set; } = [];

    /// <summary>The milestones reached that the person has not rated yet.</summary>
    public IReadOnlyList<Milestone> ToRate { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Milestone Milestone { get; set; }
    [BindProperty] public int? Mark { get; set; }
    [BindProperty] public Dictionary<string, int> Kano { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    protected override string PathOf(Guid id) => $"/mijn/{id}";

    protected override HubAction ViewAction => HubAction.ReadPrivate;

    protected override async Task LoadMore(IInitiativeGrain grain, InitiativeAccess access)
    {
        Messages = await grain.GetMessages() ?? [];
        var reached = (await grain.GetTimeline())!.Passed.Select(s => s.Status).ToList();
        var me = HubClaims.ToActor(User)!.UserId;
        var rated = (await grain.GetRatings() ?? []).Where(r => r.RaterId == me).Select(r => r.Milestone).ToHashSet();
        CanWithdraw = access.InitiatorId == me && Grains.Lifecycle.StatusTransitions.IsOpen(Initiative.Status);
        ToRate = access.InitiatorId == me
            ? Enum.GetValues<Milestone>().Where(m => RatingRules.Reached(m, reached) && !rated.Contains(m)).ToList()
            : [];
    }

    [BindProperty] public string? WithdrawReason { get; set; }

    /// <summary>Whether the person may stop the initiative here: its initiator, while it is open.</summary>
    public bool CanWithdraw { get; private set; }

    /// <summary>The initiator stops the initiative, with a reason everyone reads on the timeline.</summary>
    public Task<IActionResult> OnPostWithdraw(Guid id) => Run(id, "withdraw", "withdrawInitiative", HubAction.Withdraw,
        (grain, actor, access) => grain.ChangeStatus(
            // The initiator's own words: no plain-language refusal (that check is for the municipality's texts).
            new Grains.Lifecycle.StatusChangeRequest(InitiativeStatus.Withdrawn, GraphApi.HubMutation.WithdrawnText, null, WithdrawReason, PublishAnyway: true), actor.PublicName(access)));

    public Task<IActionResult> OnPostMessage(Guid id) => Run(id, "message", "sendMessage", HubAction.SendMessage,
        (grain, actor, access) => grain.SendMessage(Text ?? string.Empty, actor.PublicName(access), access.InitiatorId == actor.UserId));

    public Task<IActionResult> OnPostRate(Guid id)
    {
        int Score(string dimension) => Kano.GetValueOrDefault(dimension);
        var kano = new KanoScores(Score("fast"), Score("relevant"), Score("transparent"), Score("consistent"), Score("personal"), Score("involved"), Score("simple"));
        return Run(id, "rate", "rateService", HubAction.Rate,
            (grain, actor, access) => grain.Rate(actor.UserId, access.InitiatorId == actor.UserId, Milestone, Mark ?? 0, kano, Comment), remembersPerson: true);
    }
}
