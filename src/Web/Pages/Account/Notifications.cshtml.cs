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

    public static string KindLabel(NoticeKind kind) => kind switch
    {
        NoticeKind.OwnInitiative => "Nieuws over uw eigen initiatief",
        NoticeKind.Answers => "Antwoord op uw vraag, idee of zorg",
        NoticeKind.Following => "Nieuws over wat u volgt (buurten alleen per dag of per week)",
        _ => "Voor medewerkers: nieuwe reacties en overdrachten",
    };

    public static string ChannelLabel(NoticeChannel channel) => channel switch
    {
        NoticeChannel.Site => "Alleen op de site",
        NoticeChannel.EmailNow => "Meteen een e-mail",
        NoticeChannel.DailyDigest => "Eén e-mail per dag",
        _ => "Eén e-mail per week",
    };

    public static string DayLabel(DayOfWeek day) => System.Globalization.CultureInfo.GetCultureInfo("nl-NL").DateTimeFormat.GetDayName(day);

    public static string ErrorText(UserError error) => error.Field switch
    {
        "email" => "Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.",
        "language" => "Kies Nederlands of Engels.",
        "digestHour" => "Kies een uur van 0 tot 23.",
        _ => "Kies voor elk soort bericht een van de mogelijkheden.",
    };
}
