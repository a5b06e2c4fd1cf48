using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>
/// The daily post: the notices waiting to go by letter, one run a day that takes them all into one
/// PDF for the printer (it can be printed again), and the run marked posted, once.
/// </summary>
public sealed class PostModel(IPostRoom post, PostRunLetters letters, LetterPdf pdf, IGrainFactory grains, InitiativeCommands commands,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    /// <summary>How many earlier runs the page lists.</summary>
    public const int RunsShown = 20;

    /// <summary>The waiting notices, per resident: their name and how many.</summary>
    public IReadOnlyList<(string Name, string Postcode, int Notices)> Waiting { get; private set; } = [];

    public IReadOnlyList<PostRun> Runs { get; private set; } = [];

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "gelukt")] public string? Done { get; set; }

    public async Task OnGet() => await Load();

    private async Task Load()
    {
        var waiting = new List<(string, string, int)>();
        foreach (var resident in (await post.Waiting(HttpContext.RequestAborted)).GroupBy(n => n.UserId))
        {
            var record = await grains.GetGrain<IPersonGrain>(resident.Key).GetRecord();
            waiting.Add((record?.Profile.Name ?? resident.Key, record?.Profile.Address.Postcode ?? "", resident.Count()));
        }

        Waiting = waiting;
        Runs = await post.Runs(RunsShown, HttpContext.RequestAborted);
    }

    /// <summary>Takes every waiting notice into today's run.</summary>
    public async Task<IActionResult> OnPostStart()
    {
        var desk = HubClaims.ToActor(User)!;
        var run = await post.StartRun(desk.Name, time.GetUtcNow(), HttpContext.RequestAborted);
        if (run is null)
        {
            return await Refused(new UserError("NOTHING_WAITING", "post", "No letters are waiting: there is nothing to print."));
        }

        await commands.Audit(desk, $"startPostRun:{run.Id}", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        return Redirect($"/balie/post?gelukt=run-{run.Id}");
    }

    /// <summary>Marks a run posted (once: a second time is refused, and nothing changes).</summary>
    public async Task<IActionResult> OnPostPosted(long runId)
    {
        var desk = HubClaims.ToActor(User)!;
        if (await post.Run(runId, HttpContext.RequestAborted) is not { } run)
        {
            return NotFound();
        }

        if (!await post.MarkPosted(run.Id, desk.Name, time.GetUtcNow(), HttpContext.RequestAborted))
        {
            return await Refused(new UserError("ALREADY_POSTED", "run", $"Run {run.Id} was marked posted already."));
        }

        await commands.Audit(desk, $"markPosted:{run.Id}", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        return Redirect($"/balie/post?gelukt=gepost-{run.Id}");
    }

    /// <summary>The run's letters as one PDF (the same letters each time it is printed).</summary>
    public async Task<IActionResult> OnGetPdf(long runId)
    {
        if (await post.Run(runId, HttpContext.RequestAborted) is not { } run)
        {
            return NotFound();
        }

        var bytes = pdf.Render(await letters.For(run, HttpContext.RequestAborted));
        return File(bytes, "application/pdf", $"post-{run.Id}.pdf");
    }

    private async Task<IActionResult> Refused(UserError error)
    {
        await Load();
        Errors = [error];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
