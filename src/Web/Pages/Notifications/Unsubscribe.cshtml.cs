using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Notifications;

/// <summary>
/// The link in every email: stops that kind of email, without signing in. The link is signed for
/// one person and one kind, so it cannot change anyone else's settings. A POST (also the one-click
/// List-Unsubscribe-Post of mail programs) needs no antiforgery token: the signature is the proof.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(IGrainFactory grains, NoticeLinks links) : PageModel
{
    public NoticeKind Kind { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet(string? u, string? k, string? s) => Check(u, k, s) ? Page() : Refused();

    public async Task<IActionResult> OnPost(string? u, string? k, string? s)
    {
        if (!Check(u, k, s))
        {
            return Refused();
        }

        await grains.GetGrain<IPersonGrain>(u!).Unsubscribe(Kind);
        Done = true;
        return Page();
    }

    private bool Check(string? userId, string? kind, string? signature)
    {
        if (string.IsNullOrEmpty(userId) || !Enum.TryParse<NoticeKind>(kind, out var parsed) || !Enum.IsDefined(parsed) || signature is null)
        {
            return false;
        }

        Kind = parsed;
        return links.Verify(userId, parsed, signature);
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Content("Deze link klopt niet. Er is niets veranderd. Kies uw berichten op de site bij Mijn gegevens.", "text/plain; charset=utf-8");
    }
}
