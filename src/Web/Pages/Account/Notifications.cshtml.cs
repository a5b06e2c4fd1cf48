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
public sealed class NotificationsModel(IGrainFactory grains) : PageModel
{
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

    public async Task OnGet(bool saved = false)
    {
        Settings = await Person.GetSettings(Viewer.Roles);
        Saved = saved;
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
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectToPage(new { saved = true });
    }
}
