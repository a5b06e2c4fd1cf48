using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Auth;

/// <summary>The development sign-in: pick a persona. Exists only when Auth:Mode is Development (404 otherwise).</summary>
public sealed class DevModel(AuthSettings settings, IGrainFactory grains) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public IReadOnlyList<NeighbourhoodInfo> Neighbourhoods { get; private set; } = [];

    /// <summary>Whether the form came without a role (the page says so in the person's language).</summary>
    public bool Error { get; private set; }

    public async Task<IActionResult> OnGet(string? returnUrl)
    {
        if (!settings.IsDevelopment)
        {
            return NotFound();
        }

        ReturnUrl = AuthEndpoints.LocalOrHome(returnUrl);
        Neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        return Page();
    }

    public async Task<IActionResult> OnPost(string? persona, string? neighbourhoodCode, string? returnUrl)
    {
        if (!settings.IsDevelopment)
        {
            return NotFound();
        }

        ReturnUrl = AuthEndpoints.LocalOrHome(returnUrl);
        Neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
        if (DevPersonas.Find(persona) is not { } chosen)
        {
            Error = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var code = Neighbourhoods.FirstOrDefault(n => n.Code == neighbourhoodCode)?.Code;
        await HubAuthentication.SignIn(HttpContext, chosen.Actor with { NeighbourhoodCode = code });
        return LocalRedirect(ReturnUrl);
    }
}
