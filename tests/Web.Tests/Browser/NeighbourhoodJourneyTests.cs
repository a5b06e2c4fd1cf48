using Microsoft.Playwright;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// The public pages and the first journey in a real browser (Debian's Chromium through
/// Playwright): axe on every state reached, keyboard-only submission, live news in another
/// browser, server-side errors next to the field in the person's language.
/// </summary>
public sealed class NeighbourhoodJourneyTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    [Fact]
    public async Task The_public_pages_pass_axe_in_Dutch_and_English_empty_and_searched_and_at_320_pixels()
    {
        var page = await hub.NewPage();
        var violations = new List<string>();

        await page.GotoAsync("/");
        violations.AddRange(await page.Check("home"));
        await page.FillAsync("#zoek", "schalk");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/?zoek=schalk");
        var found = await page.Locator("main a.utrecht-link[href^='/buurten/']").AllTextContentsAsync();
        violations.AddRange(await page.Check("home-searched"));
        await page.GotoAsync("/?zoek=atlantis");
        var nothing = await page.Locator("main [role=status]").TextContentAsync();
        violations.AddRange(await page.Check("home-no-match"));
        await page.GotoAsync("/buurten/europawijk");
        violations.AddRange(await page.Check("neighbourhood-empty"));
        await page.ClickAsync("text=English");
        var englishHeading = await page.Locator("h1").TextContentAsync();
        var language = await page.GetAttributeAsync("html", "lang");
        violations.AddRange(await page.Check("neighbourhood-empty-en"));
        var narrow = await hub.NewPage(width: 320, height: 640);
        await narrow.GotoAsync("/");
        var scrollsSideways = await narrow.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        violations.AddRange(await narrow.Check("home-320px"));

        found.Should().Equal("Boerhaavewijk", "Europawijk", "Meerwijk", "Molenwijk", "Schalkwijk-Centrum", "Zuiderpolder");
        nothing.Should().Be("Geen buurt gevonden met \u201catlantis\u201d. Kijk of u het goed geschreven hebt, of kies hieronder.");
        (englishHeading, language).Should().Be(("Europawijk", "en"));
        (await page.Locator("#live-hint").TextContentAsync()).Should().Be("New items appear here by themselves.");
        scrollsSideways.Should().BeFalse();
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task An_initiator_submits_with_the_keyboard_and_a_resident_elsewhere_sees_it_appear_without_reloading()
    {
        var resident = await hub.NewPage();
        await resident.GotoAsync("/buurten/parkwijk");
        await Assertions.Expect(resident.Locator("#feed")).ToHaveAttributeAsync("data-live", "true");
        var initiator = await hub.NewPage();
        await PageChecks.SignIn(initiator, "initiator");
        await initiator.GotoAsync("/buurten/parkwijk");

        // From the title on, only the keyboard: type, Tab to the next field, Enter to submit.
        await initiator.FocusAsync("#title");
        await initiator.Keyboard.TypeAsync("Bankjes bij de vijver");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.TypeAsync("Twee bankjes zodat ouderen kunnen uitrusten.");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.PressAsync("ArrowDown");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.TypeAsync("ilse@example.nl");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.PressAsync("Tab");
        var focused = await initiator.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        var outline = await initiator.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForURLAsync("**/initiatieven/*");
        var violations = new List<string>(await initiator.Check("initiative-new"));

        var newest = resident.Locator("#feed li").First;
        await Assertions.Expect(newest.Locator("a")).ToHaveTextAsync("Bankjes bij de vijver", new() { Timeout = 15_000 });
        violations.AddRange(await resident.Check("neighbourhood-live-item"));

        focused.Should().Be("Initiatief indienen");
        outline.Should().NotBe("none");
        (await initiator.Locator("h1").TextContentAsync()).Should().Be("Bankjes bij de vijver");
        (await newest.Locator("p").TextContentAsync()).Should().Be("Er is een nieuw initiatief ingediend in uw buurt.");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_submit_shows_the_error_next_to_the_field_in_the_persons_language_and_keeps_what_was_typed()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/buurten/vijfhoek");
        await page.FillAsync("#title", "   ");
        await page.FillAsync("#summary", "Een moestuin voor de school.");
        await page.ClickAsync("text=Initiatief indienen");
        await page.WaitForSelectorAsync("#title-error");
        var dutch = await page.Locator("#title-error").TextContentAsync();
        var invalid = await page.GetAttributeAsync("#title", "aria-invalid");
        var kept = await page.InputValueAsync("#summary");
        var violations = new List<string>(await page.Check("start-with-errors"));

        await page.ClickAsync("text=English");
        await page.FillAsync("#title", "   ");
        await page.FillAsync("#summary", "A vegetable garden for the school.");
        await page.ClickAsync("text=Submit initiative");
        await page.WaitForSelectorAsync("#title-error");
        var english = await page.Locator("#title-error").TextContentAsync();
        violations.AddRange(await page.Check("start-with-errors-en"));

        (dutch, invalid, kept).Should().Be(("Vul een titel in.", "true", "Een moestuin voor de school."));
        english.Should().Be("The title is required and cannot be only spaces.");
        (await page.InputValueAsync("#summary")).Should().Be("A vegetable garden for the school.");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Plain_language_hints_appear_while_the_initiator_writes_and_go_when_the_text_is_plain()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/buurten/sinnevelt");
        await page.FocusAsync("#summary");
        await page.Keyboard.TypeAsync("Wij beogen de realisatie van een speelvoorziening aangaande het grasveld.");
        var hints = page.Locator("#summary-plain");
        await Assertions.Expect(hints.Locator(".plain-hints__title")).ToHaveTextAsync("Tips om de tekst makkelijker te maken:");
        var tips = await hints.Locator("li").AllTextContentsAsync();
        var violations = new List<string>(await page.Check("start-with-plain-language-hints"));
        var describedBy = await page.GetAttributeAsync("#summary", "aria-describedby");

        await page.FillAsync("#summary", "");
        await page.FocusAsync("#summary");
        await page.Keyboard.TypeAsync("We willen een speelplek op het grasveld maken.");
        await Assertions.Expect(hints.Locator(".plain-hints__title")).ToHaveTextAsync("Deze tekst is goed te lezen (taalniveau B1).");

        tips.Should().Contain("Schrijf liever 'over' dan 'aangaande'.");
        describedBy.Should().Be("summary-hint summary-plain");
        violations.Should().BeEmpty();
    }
}
