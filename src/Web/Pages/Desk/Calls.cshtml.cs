using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>
/// The calls due today: for residents who chose the phone, each notice with their number and what
/// to tell (the news, and where the initiative stands now); the desk records reached, or not
/// reached (try again the next working day).
/// </summary>
public sealed class CallsModel(ICallQueue calls, IGrainFactory grains, InitiativeCommands commands, [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    /// <summary>A call to make: the task, who, their number, the news, and where the initiative stands.</summary>
    public sealed record Call(CallTask Task, string Name, string? Phone, string Title, string News, InitiativeStatus? Status, DateOnly? Expected, string? Contact);

    public IReadOnlyList<Call> Due { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "gelukt")] public string? Done { get; set; }

    public async Task OnGet() => await Load();

    private async Task Load()
    {
        var due = new List<Call>();
        foreach (var task in await calls.Due(WorkingDays.DayOf(time.GetUtcNow()), HttpContext.RequestAborted))
        {
            var person = grains.GetGrain<IPersonGrain>(task.UserId);
            var record = await person.GetRecord();
            var item = (await person.GetInboxAfter(task.Sequence - 1, 1)).FirstOrDefault();
            var initiative = item is null ? null : grains.GetGrain<IInitiativeGrain>(item.InitiativeId);
            var details = initiative is null ? null : await initiative.GetDetails();
            var timeline = initiative is null ? null : await initiative.GetTimeline();
            var contact = initiative is null ? null : (await initiative.GetContact())?.Current;
            due.Add(new Call(task, record?.Profile.Name ?? task.UserId, record?.Profile.Phone, details?.Title ?? item?.Title ?? "", item?.Text ?? "",
                details?.Status, timeline?.Ahead.FirstOrDefault(s => s.IsCurrent)?.ExpectedEnd,
                contact is null ? null : $"{contact.Name}{(contact.Phone is { Length: > 0 } phone ? $", {phone}" : "")}"));
        }

        Due = due;
    }

    /// <summary>Records a call: reached (done) or not reached (again on the next working day).</summary>
    public async Task<IActionResult> OnPostOutcome(string? userId, string? eventId, CallOutcome? outcome)
    {
        var desk = HubClaims.ToActor(User)!;
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            return await Refused(new UserError(UserErrorCodes.Invalid, "outcome", "Say whether the resident was reached."));
        }

        var now = time.GetUtcNow();
        var nextTry = WorkingDays.Add(WorkingDays.DayOf(now), 1);
        if (userId is null || eventId is null || !await calls.Record(userId, eventId, outcome.Value, nextTry, desk.Name, now, HttpContext.RequestAborted))
        {
            return await Refused(new UserError("CALL_CLOSED", "call", "This call was recorded as done already."));
        }

        await commands.Audit(desk, $"call{outcome}:{eventId}", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        return Redirect($"/balie/bellen?gelukt={outcome}");
    }

    private async Task<IActionResult> Refused(UserError error)
    {
        await Load();
        Errors = [error];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
