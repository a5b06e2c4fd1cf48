using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Coordination;

/// <summary>The coordinators' page: initiatives still waiting for a contact official (longest waiting first), assigning one, and the Bestuur op Maat agenda.</summary>
public sealed class IndexModel(IGrainFactory grains, InitiativeCommands commands, [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    /// <summary>The most initiatives the page lists at once.</summary>
    public const int MaxListed = 100;

    public sealed record Waiting(InitiativeDetails Initiative, NeighbourhoodInfo Neighbourhood, bool Overdue);

    public IReadOnlyList<Waiting> Unassigned { get; private set; } = [];

    public IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public Guid? FailedFor { get; private set; }

    [BindProperty] public Guid InitiativeId { get; set; }
    [BindProperty] public Shared.OfficialInput Official { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "toegewezen")]
    public string? Assigned { get; set; }

    public string? ErrorFor(Guid id, string field) => FailedFor == id ? Shared.FormErrors.For(Errors, field) : null;


    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPostAssign()
    {
        var official = Official.ToContactOfficial();
        var result = await commands.Change(User, "assignContactOfficial", InitiativeId, HubAction.AssignContactOfficial,
            (grain, actor, _) => grain.AssignContactOfficial(official, actor.Name, null), HttpContext.RequestAborted);
        if (result.Errors.Count == 0)
        {
            return Redirect($"/coordinatie?toegewezen={Uri.EscapeDataString(official.Name)}");
        }

        Errors = result.Errors;
        FailedFor = InitiativeId;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await Load();
        return Page();
    }

    private async Task Load()
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var neighbourhoods = (await NeighbourhoodDirectory.Get(grains).List()).ToDictionary(n => n.Code);
        var parts = await Task.WhenAll(neighbourhoods.Keys.Select(code =>
            grains.GetGrain<INeighbourhoodIndexGrain>(code).ListOldestFirst(new InitiativeFilter(HasContactOfficial: false), MaxListed, today)));
        var oldest = parts.SelectMany(p => p.Items).OrderDescending().Take(MaxListed).ToList();
        var details = await Task.WhenAll(oldest.Select(k => grains.GetGrain<IInitiativeGrain>(k.Id).GetDetails()));
        var timelines = await Task.WhenAll(oldest.Select(k => grains.GetGrain<IInitiativeGrain>(k.Id).GetTimeline()));
        // The index is a delivered copy; the initiative itself says whether it still waits, so an
        // assignment just made never shows as waiting.
        var contacts = await Task.WhenAll(oldest.Select(k => grains.GetGrain<IInitiativeGrain>(k.Id).GetContact()));
        Unassigned = details.Zip(timelines, contacts)
            .Where(part => part.First is not null && part.Second is not null && part.Third?.Current is null)
            .Select(part => new Waiting(part.First!, neighbourhoods[part.First!.NeighbourhoodCode], part.Second!.CurrentStepOverdue))
            .ToList();
        Agenda = await EscalationAgenda.Get(grains).List();
    }
}
