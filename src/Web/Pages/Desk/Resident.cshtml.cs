using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Desk;
using Haarlem.Initiatives.Web.Initiatives;
using Haarlem.Initiatives.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>
/// The selected resident, and what the desk does for them with their consent: submit an
/// initiative, give input or support, send a message to the contact official, rate the service,
/// set their notice channels. Every act goes through the hub's rules as the resident, stamped with
/// the desk worker and the channel (counter or phone).
/// </summary>
public sealed class ResidentModel(IGrainFactory grains, DeskSession session, InitiativeCommands commands, InitiativeCards cards) : PageModel
{
    public static readonly string[] KanoDimensions = ["fast", "relevant", "transparent", "consistent", "personal", "involved", "simple"];

    public ResidentRecord? Record { get; private set; }

    public NotificationSettings Settings { get; private set; } = NotificationSettings.Defaults();

    /// <summary>The resident's own initiatives (they started them).</summary>
    public IReadOnlyList<InitiativeDetails> Own { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodInfo> Neighbourhoods { get; private set; } = [];

    /// <summary>Initiatives found by a word of their title, to give input on.</summary>
    public IReadOnlyList<InitiativeCard>? Found { get; private set; }

    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Search { get; set; }

    /// <summary>The initiative the desk just submitted for the resident (shown before the person's index has it).</summary>
    [BindProperty(SupportsGet = true, Name = "nieuw")] public Guid? Submitted { get; set; }

    [BindProperty(SupportsGet = true, Name = "gelukt")] public string? Done { get; set; }

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public string? FailedForm { get; private set; }

    [BindProperty] public string? ResidentId { get; set; }
    [BindProperty] public ContactChannel Channel { get; set; } = ContactChannel.Counter;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public Theme? Theme { get; set; }
    [BindProperty] public string? NeighbourhoodCode { get; set; }
    [BindProperty] public Guid? InitiativeId { get; set; }
    [BindProperty] public InputKind? Kind { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Milestone? Milestone { get; set; }
    [BindProperty] public int? Mark { get; set; }
    [BindProperty] public Dictionary<string, int> Kano { get; set; } = [];
    [BindProperty] public Dictionary<NoticeKind, NoticeChannel> Channels { get; set; } = [];
    [BindProperty] public string? Language { get; set; }

    public string? ErrorFor(string form, string field) => FailedForm == form ? FormErrors.For(Errors, field) : null;

    public async Task OnGet() => await Load();

    private async Task Load()
    {
        Record = await session.SelectedRecord(HttpContext);
        Neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        if (Record is null)
        {
            return;
        }

        var person = grains.GetGrain<IPersonGrain>(Record.UserId);
        Settings = await person.GetSettings(null);
        var own = new List<InitiativeDetails>();
        // The person's index follows a submission within milliseconds; the one just submitted is shown at once.
        var ids = (await person.GetInitiatives()).ToList();
        if (Submitted is { } submitted && !ids.Contains(submitted))
        {
            ids.Add(submitted);
        }

        foreach (var id in ids)
        {
            var grain = grains.GetGrain<IInitiativeGrain>(id);
            if (await grain.GetInitiator() is { } initiator && initiator.UserId == Record.UserId && await grain.GetDetails() is { } details)
            {
                own.Add(details);
            }
        }

        Own = [.. own.OrderByDescending(d => d.SubmittedAt)];
        if (Search is { Length: > 0 } search && search.Trim().Length <= InitiativeFilter.TitleSearchMaxLength)
        {
            (Found, _) = await cards.Newest(Neighbourhoods.ToDictionary(n => n.Code), 10, new InitiativeFilter(TitleContains: search.Trim()));
        }
    }

    /// <summary>Records the resident's consent to act for them (said at the counter or on the phone).</summary>
    public async Task<IActionResult> OnPostConsent()
    {
        var desk = HubClaims.ToActor(User)!;
        if (session.Selected(HttpContext) is not { } selected || selected != ResidentId)
        {
            return await Refused("consent", new UserError("NOT_SELECTED", "resident", "Select the resident you act for first (the form was for another resident, or none is selected)."));
        }

        if (Channel is not (ContactChannel.Counter or ContactChannel.Phone))
        {
            return await Refused("consent", new UserError(UserErrorCodes.Invalid, "channel", "Say how the resident reached you: at the counter or on the phone."));
        }

        var assistance = new Assistance(desk.UserId, desk.Name, Channel);
        await grains.GetGrain<IPersonGrain>(selected).RecordConsent(assistance);
        await Audited(assistance, selected, "recordConsent");
        return Redirect("/balie/bewoner?gelukt=toestemming");
    }

    /// <summary>Gives the resident a new take-over code (the old one stops working).</summary>
    public async Task<IActionResult> OnPostCode()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("code", error!);
        }

        await grains.GetGrain<IPersonGrain>(act.Resident.UserId).RenewTakeOverCode();
        await Audited(act.Assistance, act.Resident.UserId, "renewTakeOverCode");
        return Redirect("/balie/bewoner?gelukt=code");
    }

    /// <summary>Submits an initiative for the resident.</summary>
    public async Task<IActionResult> OnPostSubmit()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("submit", error!);
        }

        if (Theme is null || !Enum.IsDefined(Theme.Value))
        {
            return await Refused("submit", new UserError(UserErrorCodes.UnknownTheme, "theme", "Choose one of the themes."));
        }

        var id = Guid.NewGuid();
        var submission = new SubmitInitiative(Title ?? "", Summary ?? "", NeighbourhoodCode ?? "", Theme.Value, ContactEmail: act.Record.Email, ContactPhone: act.Record.Profile.Phone);
        SubmitResult result;
        using (InitiativeCommands.Assist(act.Assistance))
        {
            result = await commands.Submit(act.ResidentPrincipal, id, submission, HttpContext.RequestAborted);
        }

        return result.Errors.Count > 0 ? await Refused("submit", [.. result.Errors]) : Redirect($"/balie/bewoner?gelukt=ingediend&nieuw={id:N}");
    }

    /// <summary>Gives input or support on an initiative for the resident.</summary>
    public async Task<IActionResult> OnPostInput()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("input", error!);
        }

        if (InitiativeId is not { } id)
        {
            return await Refused("input", new UserError(UserErrorCodes.Required, "initiativeId", "Choose the initiative."));
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            return await Refused("input", new UserError(UserErrorCodes.Invalid, "kind", "Choose support, a question, an idea or a concern."));
        }

        var result = await Change(act, "giveInput", id, HubAction.GiveInput, (grain, actor, _) => grain.GiveInput(actor.UserId, Kind.Value, Text), remembersPerson: true);
        return result.Errors.Count > 0 ? await Refused("input", [.. result.Errors]) : Redirect("/balie/bewoner?gelukt=inbreng");
    }

    /// <summary>Sends a message to the contact official of one of the resident's initiatives.</summary>
    public async Task<IActionResult> OnPostMessage()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("message", error!);
        }

        if (InitiativeId is not { } id)
        {
            return await Refused("message", new UserError(UserErrorCodes.Required, "initiativeId", "Choose the initiative."));
        }

        var result = await Change(act, "sendMessage", id, HubAction.SendMessage,
            (grain, actor, access) => grain.SendMessage(Text ?? "", actor.PublicName(access), access.InitiatorId == actor.UserId));
        return result.Errors.Count > 0 ? await Refused("message", [.. result.Errors]) : Redirect("/balie/bewoner?gelukt=bericht");
    }

    /// <summary>Rates the service at a milestone for the resident.</summary>
    public async Task<IActionResult> OnPostRate()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("rate", error!);
        }

        if (InitiativeId is not { } id)
        {
            return await Refused("rate", new UserError(UserErrorCodes.Required, "initiativeId", "Choose the initiative."));
        }

        int Score(string dimension) => Kano.GetValueOrDefault(dimension);
        var kano = new KanoScores(Score("fast"), Score("relevant"), Score("transparent"), Score("consistent"), Score("personal"), Score("involved"), Score("simple"));
        var result = await Change(act, "rateService", id, HubAction.Rate,
            (grain, actor, access) => grain.Rate(actor.UserId, access.InitiatorId == actor.UserId, Milestone ?? Grains.Ratings.Milestone.AfterExploring, Mark ?? 0, kano, null),
            remembersPerson: true);
        return result.Errors.Count > 0 ? await Refused("rate", [.. result.Errors]) : Redirect("/balie/bewoner?gelukt=beoordeeld");
    }

    /// <summary>Sets how each kind of notice reaches the resident, and their language.</summary>
    public async Task<IActionResult> OnPostNotices()
    {
        var (act, error) = await session.Act(HttpContext, ResidentId, Channel);
        if (act is null)
        {
            return await Refused("notices", error!);
        }

        var person = grains.GetGrain<IPersonGrain>(act.Resident.UserId);
        var current = await person.GetSettings(null);
        var channels = Enum.GetValues<NoticeKind>().ToDictionary(k => k, k => Channels.TryGetValue(k, out var c) ? c : current.ChannelFor(k));
        var errors = await person.SetSettings(current with { Channels = channels, Language = Language ?? current.Language });
        if (errors.Count > 0)
        {
            return await Refused("notices", [.. errors]);
        }

        await Audited(act.Assistance, act.Resident.UserId, "setNoticeSettings");
        return Redirect("/balie/bewoner?gelukt=meldingen");
    }

    private async Task<InitiativeChangeResult> Change(
        DeskAct act, string name, Guid id, HubAction action, Func<IInitiativeGrain, Actor, InitiativeAccess, Task<InitiativeChangeResult>> change, bool remembersPerson = false)
    {
        using (InitiativeCommands.Assist(act.Assistance))
        {
            return await commands.Change(act.ResidentPrincipal, name, id, action, change, HttpContext.RequestAborted, remembersPerson);
        }
    }

    private async Task Audited(Assistance assistance, string residentId, string action)
    {
        using (InitiativeCommands.Assist(assistance))
        {
            await commands.Audit(new Actor(residentId, residentId, new HashSet<HubRole>()), action, null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        }
    }

    private Task<IActionResult> Refused(string form, params UserError[] errors) => Refused(form, (IReadOnlyList<UserError>)errors);

    private async Task<IActionResult> Refused(string form, IReadOnlyList<UserError> errors)
    {
        await Load();
        Errors = errors;
        FailedForm = form;
        Response.StatusCode = errors.Any(e => e.Code == UserErrorCodes.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }
}
