using System.Resources;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.Playwright;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// The hub in each of its six languages, chosen with the language links as a person would: the
/// page says its language (and, for Arabic, runs right to left), the headings and the errors come
/// from that language's texts, and every page passes axe (WCAG 2.1 AA). Screenshots of each go to
/// artifacts/screenshots for the native-speaker review.
/// </summary>
public sealed class LanguageTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    private static readonly ResourceManager Texts = new("Haarlem.Initiatives.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static TheoryData<string> Languages() => [.. HubLanguages.All];

    private static string Text(string key, string language) => Texts.GetString(key, HubLanguages.Culture(language))!;

    private static async Task<(string Lang, string Dir, string Heading)> Seen(IPage page) =>
        (await page.GetAttributeAsync("html", "lang") ?? "", await page.GetAttributeAsync("html", "dir") ?? "", await page.Locator("h1").First.InnerTextAsync());

    /// <summary>A new visitor's browser with the language chosen through the link in the header.</summary>
    private async Task<IPage> Open(string language)
    {
        var page = await hub.NewPage();
        await page.GotoAsync("/");
        await page.ClickAsync($"header a[hreflang={language}]");
        await page.WaitForSelectorAsync($"html[lang={language}]");
        return page;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_kind_of_page_speaks_the_chosen_language_and_passes_axe(string language)
    {
        var id = Guid.NewGuid();
        (await hub.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInitiativeGrain>(id)
            .Submit(new SubmitInitiative("Buurtmoestuin", "Groente kweken met de buren.", "vijfhoek", Theme.Green), DevPersonas.Find("initiator")!.Actor)).Errors.Should().BeEmpty();
        await hub.Host.Delivered(id.ToString());
        var dir = HubLanguages.IsRightToLeft(language) ? "rtl" : "ltr";
        var violations = new List<string>();
        var page = await Open(language);

        var home = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-home"));
        await page.GotoAsync("/buurten/vijfhoek");
        var feed = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-feed"));
        await page.GotoAsync($"/initiatieven/{id}");
        var initiative = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-initiative"));
        await page.GotoAsync("/auth/dev");
        var signIn = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-dev-sign-in"));

        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/initiatieven/starten");
        await page.ClickAsync("#verder");
        var titleError = await page.Locator("#title-error").InnerTextAsync();
        violations.AddRange(await page.Check($"lang-{language}-start-error"));

        page = await Open(language);
        await PageChecks.SignIn(page, "desk");
        await page.GotoAsync("/balie");
        var desk = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-desk"));
        await page.GotoAsync("/balie/registreren");
        await page.ClickAsync("main form button[type=submit]");
        var nameError = await page.Locator("#name-error").InnerTextAsync();
        var register = await Seen(page);
        violations.AddRange(await page.Check($"lang-{language}-desk-register-errors"));

        home.Should().Be((language, dir, Text("Home.Title", language)));
        feed.Should().Be((language, dir, "Vijfhoek"));
        initiative.Should().Be((language, dir, "Buurtmoestuin"));
        signIn.Should().Be((language, dir, Text("Dev.Heading", language)));
        titleError.Should().Be(language == "en" ? "The title is required and cannot be only spaces." : Text("Error.REQUIRED.title", language));
        desk.Should().Be((language, dir, Text("Desk.Title", language)));
        register.Should().Be((language, dir, Text("Desk.Register", language)));
        nameError.Should().Be(language == "en" ? "Give the resident's name." : Text("Error.REQUIRED.name", language));
        violations.Should().BeEmpty();
    }
}
