using System.Net;
using System.Text.RegularExpressions;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>Signs a cookie-keeping HTTP client in through the development sign-in page, as a person would.</summary>
public static partial class BrowserSignIn
{
    public static async Task SignInAs(this HttpClient browser, string persona, string neighbourhoodCode = "")
    {
        var page = await browser.GetStringAsync("/auth/dev");
        using var response = await browser.PostAsync("/auth/dev", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["persona"] = persona,
            ["neighbourhoodCode"] = neighbourhoodCode,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Signing in as {persona} answered {response.StatusCode}.");
        }
    }

    /// <summary>Fills in a form as a browser does: reads the page at <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/> (by default the same address).</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient browser, string formPage, Dictionary<string, string> fields, string? action = null)
    {
        var page = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await browser.PostAsync(action ?? formPage, new FormUrlEncodedContent(fields));
    }

    /// <summary>Sends the guided start's check page with these answers (Title, Summary, Theme, buurt, ...), as the last step does.</summary>
    public static Task<HttpResponseMessage> SendInitiative(this HttpClient browser, Dictionary<string, string> answers)
    {
        answers["Step"] = "controleren";
        answers["go"] = "send";
        return browser.PostForm("/initiatieven/starten", answers);
    }

    /// <summary>The initiative's id from the confirmation page's address the guided start redirects to.</summary>
    public static string SentInitiativeId(this HttpResponseMessage response) =>
        ConfirmationPattern().Match(response.Headers.Location!.ToString()).Groups[1].Value;

    [GeneratedRegex("^/initiatieven/([0-9a-f-]{36})/bevestiging$")]
    private static partial Regex ConfirmationPattern();

    public static string AntiforgeryToken(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
