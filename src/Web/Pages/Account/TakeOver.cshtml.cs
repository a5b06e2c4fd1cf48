using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Account;

/// <summary>
/// A resident the desk registered takes their record over after signing in (with DigiD): the
/// one-time code from their letter links this sign-in to the record, and what this sign-in did
/// before becomes the record's. From then on they sign in as the record: one person, one history.
/// </summary>
[Authorize]
public sealed class TakeOverModel(IGrainFactory grains, InitiativeCommands commands) : PageModel
{
    [BindProperty] public string? Code { get; set; }

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public IActionResult OnGet() =>
        HubClaims.ToActor(User) is { } viewer && viewer.Has(HubRole.Resident) ? Page() : Forbid();

    public async Task<IActionResult> OnPost()
    {
        var viewer = HubClaims.ToActor(User)!;
        if (!viewer.Has(HubRole.Resident))
        {
            return Forbid();
        }

        var result = await grains.GetGrain<IAccountLinkGrain>(viewer.UserId).TakeOver(Code ?? "", viewer.Name);
        if (result.UserId is not { } record)
        {
            Errors = result.Errors;
            await commands.Audit(viewer, "takeOverRecord", null, Grains.Audit.AuditOutcome.Denied, HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Signed in again as the record: one person, one history.
        var person = viewer with { UserId = record };
        await commands.Audit(person, "takeOverRecord", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        await HubAuthentication.SignIn(HttpContext, person);
        return Redirect("/gegevens?overgenomen=1");
    }
}
