using System.Text.Json;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Account;

/// <summary>My data: download it as JSON, or delete the account.</summary>
[Authorize]
public sealed class IndexModel(
    PersonalData personalData, IGrainFactory grains, [FromKeyedServices(HubClock.Key)] TimeProvider time, InitiativeCards cards) : PageModel
{
    /// <summary>How many initiatives around the person's home the page shows.</summary>
    public const int AroundHomeCount = 6;

    /// <summary>The area around the person's home they follow; null when none.</summary>
    public Grains.Geo.HomeArea? Home { get; private set; }

    /// <summary>The initiatives with a place in that area, nearest first, and how many there are.</summary>
    public IReadOnlyList<InitiativeCard> AroundHome { get; private set; } = [];

    public int AroundHomeTotal { get; private set; }

    public Actor Viewer { get; private set; } = null!;

    /// <summary>The person's own notices, newest first: what "only on the site" means.</summary>
    public IReadOnlyList<PrivateItem> Notices { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Whether the person just took their desk record over.</summary>
    public bool TakenOver { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        Viewer = HubClaims.ToActor(User)!;
        var person = grains.GetGrain<IPersonGrain>(Viewer.UserId);
        Notices = [.. (await person.GetLatestInbox(PersonGrain.InboxSize)).Reverse()];
        TakenOver = Request.Query.ContainsKey("overgenomen");
        Home = await person.GetHome();
        if (Home is { } home)
        {
            var neighbourhoods = (await Grains.Neighbourhoods.NeighbourhoodDirectory.Get(grains).List()).ToDictionary(n => n.Code);
            (AroundHome, AroundHomeTotal) = await cards.Nearest(neighbourhoods, new Grains.Geo.NearFilter(home.Point, home.RadiusMetres), AroundHomeCount);
        }

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
