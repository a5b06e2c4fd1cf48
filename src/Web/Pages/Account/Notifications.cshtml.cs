using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Account;

/// <summary>What notices a person gets, and how: per kind on the site only, by email at once, or in a daily or weekly digest.</summary>
[Authorize]
public sealed class NotificationsModel(IGrainFactory grains, InitiativeCommands commands) : PageModel
{
    /// <summary>The area around the person's home they follow; null when none.</summary>
    public Grains.Geo.HomeArea? Home { get; private set; }

    /// <summary>What is wrong with the home area form, if it was sent and refused.</summary>
    public IReadOnlyList<UserError> HomeErrors { get; private set; } = [];

    /// <summary>Which of the home area's changes just worked: "set" or "removed".</summary>
    public string? HomeDone { get; private set; }

    [BindProperty] public string? HomeLatitude { get; set; }
    [BindProperty] public string? HomeLongitude { get; set; }
    [BindProperty] public int? HomeRadius { get; set; }
    [BindProperty] public bool HomeRemove { get; set; }

    public NotificationSettings Settings { get; private set; } = NotificationSettings.Defaults();

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Language { get; set; } = "nl";

    [BindProperty]
    public Dictionary<NoticeKind, NoticeChannel> Channels { get; set; } = [];

    [BindProperty]
    public int DigestHour { get; set; } = 8;

    [BindProperty]
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    private Actor Viewer => HubClaims.ToActor(User)!;

    private IPersonGrain Person => grains.GetGrain<IPersonGrain>(Viewer.UserId);

    public async Task OnGet(bool saved = false, string? thuis = null)
    {
        Settings = await Person.GetSettings(Viewer.Roles);
        Home = await Person.GetHome();
        Saved = saved;
        HomeDone = thuis is "ingesteld" or "uit" ? thuis : null;
    }

    /// <summary>Sets the area around the person's home (a point and a radius), or stops following it.</summary>
    public async Task<IActionResult> OnPostHome()
    {
        Grains.Geo.HomeArea? wanted = null;
        if (!HomeRemove)
        {
            var place = Maps.PlaceFields.Parse(HomeLatitude, HomeLongitude, "home");
            if (place.Errors.Count > 0)
            {
                return await RefuseHome(place.Errors);
            }

            wanted = new Grains.Geo.HomeArea(place.Point!, HomeRadius ?? 0);
        }

        var result = await commands.SetHome(User, wanted, HttpContext.RequestAborted);
        return result.Errors.Count > 0
            ? await RefuseHome(result.Errors)
            : Redirect($"/gegevens/meldingen?thuis={(HomeRemove ? "uit" : "ingesteld")}#rond-mijn-huis");
    }

    private async Task<IActionResult> RefuseHome(IReadOnlyList<UserError> errors)
    {
        Settings = await Person.GetSettings(Viewer.Roles);
        Home = await Person.GetHome();
        HomeErrors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        var current = await Person.GetSettings(Viewer.Roles);
        var channels = Enum.GetValues<NoticeKind>().ToDictionary(k => k, k => Channels.TryGetValue(k, out var c) ? c : current.ChannelFor(k));
        var wanted = new NotificationSettings(Email, Language, channels, DigestHour, DigestDay, current.EmailProblem);
        Errors = await Person.SetSettings(wanted);
        if (Errors.Count > 0)
        {
            Settings = wanted;
            Home = await Person.GetHome();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectToPage(new { saved = true });
    }
}
