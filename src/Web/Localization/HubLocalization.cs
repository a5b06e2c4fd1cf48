using System.Globalization;
using Haarlem.Initiatives.Grains.Common;
using Microsoft.AspNetCore.Localization;

namespace Haarlem.Initiatives.Web.Localization;

/// <summary>
/// The UI speaks plain Dutch by default, and English, Arabic (right to left), Turkish, Polish or
/// Ukrainian when a person chooses it with the visible switch (a cookie, so the choice stays; no
/// JavaScript needed; a signed-in person's choice is also kept on their account, for their emails
/// and letters). Texts live in Resources/SharedResource*.resx, one file per language.
/// </summary>
public static class HubLocalization
{
    public const string SwitchPath = "/taal";

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Every language's culture, Dutch first.</summary>
    public static readonly IReadOnlyList<CultureInfo> All = [.. HubLanguages.All.Select(HubLanguages.Culture)];

    public static IServiceCollection AddHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = options.SupportedUICultures = [.. All];
            // Only the person's own choice counts, not the browser's language: Dutch first for everyone.
            // A form sent with go=taal-{code} (the guided start's language switch) asks for that language now.
            options.RequestCultureProviders = [new CustomRequestCultureProvider(FromSwitchInForm), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /taal?naar=en&amp;terug=/path: stores the choice and goes back to the page (only pages of this site).</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SwitchPath, async (HttpContext http, IGrainFactory grains, string? naar, string? terug) =>
        {
            Choose(http, naar);
            if (GraphApi.Security.HubClaims.ToActor(http.User) is { } person && HubLanguages.IsSupported(naar))
            {
                // Kept on the account: the person's emails and letters come in this language too.
                await grains.GetGrain<Grains.People.IPersonGrain>(person.UserId).SetLanguage(naar!);
            }

            var back = terug is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";
            return Results.LocalRedirect(back);
        });
        return endpoints;
    }

    /// <summary>The form field a page sends to switch the language with the form (the guided start does, to keep what was typed).</summary>
    public const string FormSwitchPrefix = "taal-";

    /// <summary>The pages whose forms may carry the switch.</summary>
    public const string FormSwitchPages = "/initiatieven/starten";

    /// <summary>Stores the person's choice (one of <see cref="HubLanguages.All"/>; anything else is Dutch) in the cookie.</summary>
    public static void Choose(HttpContext http, string? code)
    {
        var culture = HubLanguages.Culture(HubLanguages.IsSupported(code) ? code! : HubLanguages.Dutch);
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
    }

    private static async Task<ProviderCultureResult?> FromSwitchInForm(HttpContext http)
    {
        // Only the pages' own forms: never read the body of anything else (the API reads its own).
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType || !http.Request.Path.StartsWithSegments(FormSwitchPages))
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return form["go"].ToString() is { } go && go.StartsWith(FormSwitchPrefix, StringComparison.Ordinal)
            ? new ProviderCultureResult(HubLanguages.Culture(HubLanguages.IsSupported(go[FormSwitchPrefix.Length..]) ? go[FormSwitchPrefix.Length..] : HubLanguages.Dutch).Name)
            : null;
    }

    /// <summary>The language code for the html element's lang attribute.</summary>
    public static string LanguageCode => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The html element's dir attribute: rtl for Arabic, ltr otherwise.</summary>
    public static string Direction => HubLanguages.IsRightToLeft(LanguageCode) ? "rtl" : "ltr";
}
