using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>
/// The calls due today, one per resident who chose the phone: their number and, for each notice
/// waiting, what to tell (the news, and where the initiative stands now); the desk records
/// reached, or not reached (try again the next working day), for all of that resident's news at once.
/// </summary>
public sealed class CallsModel(ICallQueue calls, IGrainFactory grains, InitiativeCommands commands, [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    /// <summary>One piece of news to tell: the task, the initiative, the news, where the initiative stands and who the contact official is.</summary>
    public sealed record News(CallTask Task, string Title, string Text, InitiativeStatus? Status, DateOnly? Expected, string? Contact);

    /// <summary>A call to make: who, their number, everything to tell them, and how often they were called for it.</summary>
    public sealed record Call(string UserId, string Name, string? Phone, IReadOnlyList<News> News)
    {
        public int Attempts => News.Max(n => n.Task.Attempts);
    }

    public IReadOnlyList<Call> Due { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "gelukt")] public string? Done { get; set; }

    public async Task OnGet() => await Load();

    private async Task Load()
    {
        var due = new List<Call>();
        var standings = new InitiativeStandings(grains);
        foreach (var resident in (await calls.Due(WorkingDays.DayOf(time.GetUtcNow()), HttpContext.RequestAborted)).GroupBy(t => t.UserId))
        {
            var person = grains.GetGrain<IPersonGrain>(resident.Key);
            var record = await person.GetRecord();
            var items = (await InitiativeStandings.Notices(person, [.. resident.Select(t => (t.Sequence, t.EventId))])).ToDictionary(i => i.EventId);
            var news = new List<News>();
            foreach (var task in resident)
            {
                var item = items.GetValueOrDefault(task.EventId);
                var standing = item is null ? null : await standings.Of(item.InitiativeId);
                var contact = standing?.Contact;
                news.Add(new News(task, standing?.Title ?? item?.Title ?? "", item?.Text ?? "", standing?.Status, standing?.CurrentExpected,
                    contact is null ? null : $"{contact.Name}{(contact.Phone is { Length: > 0 } phone ? $", {phone}" : "")}"));
            }

            due.Add(new Call(resident.Key, record?.Profile.Name ?? resident.Key, record?.Profile.Phone, news));
        }

        Due = due;
    }

    /// <summary>Records a call about all the news it told: reached (done) or not reached (again on the next working day).</summary>
    public async Task<IActionResult> OnPostOutcome(string? userId, string[]? eventIds, CallOutcome? outcome)
    {
        var desk = HubClaims.ToActor(User)!;
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            return await Refused(new UserError(UserErrorCodes.Invalid, "outcome", "Say whether the resident was reached."));
        }

        var now = time.GetUtcNow();
        var nextTry = WorkingDays.Add(WorkingDays.DayOf(now), 1);
        var recorded = new List<string>();
        foreach (var eventId in eventIds ?? [])
        {
            if (userId is not null && await calls.Record(userId, eventId, outcome.Value, nextTry, desk.Name, now, HttpContext.RequestAborted))
            {
                recorded.Add(eventId);
            }
        }

        if (recorded.Count == 0)
        {
            return await Refused(new UserError("CALL_CLOSED", "call", "This call was recorded as done already."));
        }

        foreach (var eventId in recorded)
        {
            await commands.Audit(desk, $"call{outcome}:{eventId}", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        }

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
