using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>Registers a resident who has no DigiD (or does not use it): name, address, phone and/or email, language, and their consent.</summary>
public sealed class RegisterModel(IGrainFactory grains, DeskSession session, InitiativeCommands commands) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Street { get; set; }
    [BindProperty] public string? HouseNumber { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Town { get; set; } = "Haarlem";
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Language { get; set; } = HubLanguages.Dutch;
    [BindProperty] public ContactChannel Channel { get; set; } = ContactChannel.Counter;
    [BindProperty] public bool Consent { get; set; }

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost()
    {
        var desk = HubClaims.ToActor(User)!;
        if (Channel is not (ContactChannel.Counter or ContactChannel.Phone))
        {
            Errors = [new UserError(UserErrorCodes.Invalid, "channel", "Say how the resident reached you: at the counter or on the phone.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var userId = $"{PersonGrain.DeskPrefix}{Guid.NewGuid():N}";
        var assistance = new Assistance(desk.UserId, desk.Name, Channel);
        Errors = await grains.GetGrain<IPersonGrain>(userId).Register(
            new ResidentRegistration(Name, Street, HouseNumber, Postcode, Town, Phone, Email, Language, Consent), assistance);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using (InitiativeCommands.Assist(assistance))
        {
            await commands.Audit(new Grains.Access.Actor(userId, Name!.Trim(), new HashSet<Grains.Access.HubRole>()), "registerResident", null, Grains.Audit.AuditOutcome.Done, HttpContext.RequestAborted);
        }

        session.Select(HttpContext, userId);
        return Redirect("/balie/bewoner?gelukt=geregistreerd");
    }
}
