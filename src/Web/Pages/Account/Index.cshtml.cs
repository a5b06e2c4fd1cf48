using System.Text.Json;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Account;

/// <summary>My data: download it as JSON, or delete the account.</summary>
[Authorize]
public sealed class IndexModel(PersonalData personalData, IGrainFactory grains, [FromKeyedServices(HubClock.Key)] TimeProvider time) : PageModel
{
    public Actor Viewer { get; private set; } = null!;

    /// <summary>The person's own notices, newest first: what "only on the site" means.</summary>
    public IReadOnlyList<PrivateItem> Notices { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        Viewer = HubClaims.ToActor(User)!;
        Notices = [.. (await grains.GetGrain<IPersonGrain>(Viewer.UserId).GetInboxAfter(0, PersonGrain.InboxSize)).Reverse()];
        return Page();
    }

    /// <summary>GET /account?handler=data: everything about me, as a JSON file.</summary>
    public async Task<IActionResult> OnGetData()
    {
        var export = await personalData.Collect(HubClaims.ToActor(User)!, time.GetUtcNow());
        var json = JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
        return File(json, "application/json", "mijn-gegevens-haarlem-initiatieven.json");
    }

    public async Task<IActionResult> OnPostDelete(bool confirm)
    {
        Viewer = HubClaims.ToActor(User)!;
        if (!confirm)
        {
            Error = "Zet een vinkje bij 'Ja, verwijder mijn account' als u uw account echt wilt verwijderen.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await personalData.Erase(Viewer, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/?account=verwijderd");
    }

    private static readonly JsonSerializerOptions ExportJson = CreateExportJson();

    private static JsonSerializerOptions CreateExportJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        HubWebExtensions.ConfigureJson(options);
        return options;
    }
}
