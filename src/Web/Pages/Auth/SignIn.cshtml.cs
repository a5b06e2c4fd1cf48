using Haarlem.Initiatives.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Auth;

public sealed class SignInModel(AuthSettings settings) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public AuthSettings Settings => settings;

    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = AuthEndpoints.LocalOrHome(returnUrl);
        return settings.IsDevelopment ? Redirect($"/auth/dev?returnUrl={Uri.EscapeDataString(ReturnUrl)}") : Page();
    }
}
