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
    public async Task The_public_pages_pass_axe_in_Dutch_and_English_empty_and_searched_by_name_or_postcode_and_at_320_pixels()
    {
        var page = await hub.NewPage();
        var violations = new List<string>();

        await page.GotoAsync("/");
        violations.AddRange(await page.Check("home"));
        // The districts' neighbourhood lists sit in a grid: the first row's columns start at one height.
        var tops = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.district h3')].slice(0, 4).map(h => h.getBoundingClientRect().top)");
        await page.FillAsync("#zoek", "schalk");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/?zoek=schalk#buurt-kiezen");
        var found = await page.Locator("main a.utrecht-link[href^='/buurten/']").AllTextContentsAsync();
        violations.AddRange(await page.Check("home-searched"));
        await page.GotoAsync("/?zoek=atlantis");
        var nothing = await page.Locator("#zoek-uitkomst").TextContentAsync();
        await page.GotoAsync("/?zoek=2011 AB");
        var postcode = await page.Locator("#zoek-uitkomst").TextContentAsync();
        violations.AddRange(await page.Check("home-postcode"));
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
        nothing.Should().Be("Geen buurt en geen initiatief gevonden met \u201catlantis\u201d. Kijk of u het goed geschreven hebt, of kies hieronder.");
        postcode.Should().Be("Zoeken op postcode kan nog niet. Typ de naam van uw buurt of stadsdeel.");
        (englishHeading, language).Should().Be(("Europawijk", "en"));
        (await page.Locator("#live-hint").TextContentAsync()).Should().Be("New items appear here by themselves.");
        scrollsSideways.Should().BeFalse();
        tops.Should().HaveCount(4).And.OnlyContain(top => top == tops[0]);
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task An_initiator_goes_through_the_guided_start_with_the_keyboard_and_a_resident_elsewhere_sees_it_appear_without_reloading()
    {
        var resident = await hub.NewPage();
        await resident.GotoAsync("/buurten/parkwijk");
        await Assertions.Expect(resident.Locator("#feed")).ToHaveAttributeAsync("data-live", "true");
        var initiator = await hub.NewPage();
        await PageChecks.SignIn(initiator, "initiator");
        await initiator.GotoAsync("/buurten/parkwijk");
        await initiator.ClickAsync("#start-initiatief");
        await initiator.WaitForSelectorAsync("#title");

        // From here only the keyboard: type, Tab to the next field or button, Enter to go on.
        await initiator.FocusAsync("#title");
        await initiator.Keyboard.TypeAsync("Bankjes bij de vijver");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.TypeAsync("Twee bankjes zodat ouderen kunnen uitrusten.");
        await initiator.Keyboard.PressAsync("Tab");
        var focused = await initiator.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        var outline = await initiator.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForSelectorAsync("#theme");
        await initiator.FocusAsync("#theme");
        await initiator.Keyboard.PressAsync("Space");
        await initiator.Keyboard.PressAsync("Enter"); // Enter in a form sends it with its first button: Verder
        await initiator.WaitForSelectorAsync("#neighbourhood");
        var chosen = await initiator.InputValueAsync("#neighbourhood");
        // The place on the map is optional: past its last field, Tab reaches "Verder".
        await initiator.FocusAsync("#placeLongitude");
        await initiator.Keyboard.PressAsync("Tab");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForSelectorAsync("#partnerName");
        await initiator.FocusAsync("#partnerName");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForSelectorAsync("#contactEmail");
        await initiator.FocusAsync("#contactEmail");
        await initiator.Keyboard.TypeAsync("ilse@example.nl");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForSelectorAsync("#versturen");
        var check = await initiator.Locator("#antwoorden dd.utrecht-data-list__item-value").AllTextContentsAsync();
        await initiator.FocusAsync("#versturen");
        await initiator.Keyboard.PressAsync("Enter");
        await initiator.WaitForURLAsync("**/initiatieven/*/bevestiging");
        var violations = new List<string>(await initiator.Check("start-confirmation"));

        var newest = resident.Locator("#feed li").First;
        await Assertions.Expect(newest.Locator("a")).ToHaveTextAsync("Bankjes bij de vijver", new() { Timeout = 15_000 });
        await Assertions.Expect(resident.Locator("#buurt-initiatieven .initiative-card__link").First).ToHaveTextAsync("Bankjes bij de vijver", new() { Timeout = 15_000 });
        violations.AddRange(await resident.Check("neighbourhood-live-item"));

        (focused, chosen).Should().Be(("Verder", "parkwijk"));
        outline.Should().NotBe("none");
        check.Should().Equal("Bankjes bij de vijver", "Twee bankjes zodat ouderen kunnen uitrusten.", "Groen", "Parkwijk (Haarlem-Oost)", "Geen plek op de kaart", "Geen partner", "ilse@example.nl");
        (await initiator.Locator("h1").TextContentAsync()).Should().Be("Uw initiatief is ingediend");
        (await newest.Locator("p").TextContentAsync()).Should().Be("Er is een nieuw initiatief ingediend in uw buurt.");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_guided_start_names_a_problem_on_each_step_in_the_persons_language_and_going_back_and_forth_keeps_what_was_typed()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/initiatieven/starten?buurt=vijfhoek");
        var violations = new List<string>(await page.Check("start-what"));
        var errors = new List<string?>();

        await page.FillAsync("#title", "   ");
        await page.FillAsync("#summary", "Een moestuin voor de school.");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#title-error");
        errors.Add(await page.Locator("#title-error").TextContentAsync());
        var invalid = await page.GetAttributeAsync("#title", "aria-invalid");
        var kept = await page.InputValueAsync("#summary");
        violations.AddRange(await page.Check("start-what-error"));
        await page.FillAsync("#title", "Moestuin bij de school");
        await page.ClickAsync("#verder");

        await page.WaitForSelectorAsync("#theme");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#theme-error");
        errors.Add(await page.Locator("#theme-error").TextContentAsync());
        violations.AddRange(await page.Check("start-theme-error"));
        await page.CheckAsync("#theme");
        await page.ClickAsync("#verder");

        await page.WaitForSelectorAsync("#neighbourhood");
        await page.SelectOptionAsync("#neighbourhood", "");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#neighbourhood-error");
        errors.Add(await page.Locator("#neighbourhood-error").TextContentAsync());
        violations.AddRange(await page.Check("start-where-error"));
        await page.SelectOptionAsync("#neighbourhood", "vijfhoek");
        await page.ClickAsync("#verder");

        await page.WaitForSelectorAsync("#partnerName");
        await page.FillAsync("#partnerName", "Basisschool De Ark");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#partnerKind-error");
        errors.Add(await page.Locator("#partnerKind-error").TextContentAsync());
        errors.Add(await page.Locator("#partnerRole-error").TextContentAsync());
        violations.AddRange(await page.Check("start-who-error"));
        await page.SelectOptionAsync("#partnerKind", "School");
        await page.FillAsync("#partnerRole", "Geeft de grond naast het schoolplein");
        await page.ClickAsync("#verder");

        await page.WaitForSelectorAsync("#contactEmail");
        await page.FillAsync("#contactEmail", "ilse-at-example");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#contactEmail-error");
        errors.Add(await page.Locator("#contactEmail-error").TextContentAsync());
        violations.AddRange(await page.Check("start-contact-error"));

        // Back to the first step and forward again: every answer is still there.
        await page.ClickAsync("#vorige");
        await page.WaitForSelectorAsync("#partnerName");
        var partnerKept = await page.InputValueAsync("#partnerRole");
        await page.ClickAsync("#vorige");
        await page.WaitForSelectorAsync("#neighbourhood");
        var whereKept = await page.InputValueAsync("#neighbourhood");
        await page.ClickAsync("#vorige");
        await page.WaitForSelectorAsync("#theme");
        await page.ClickAsync("#vorige");
        await page.WaitForSelectorAsync("#title");
        var titleKept = await page.InputValueAsync("#title");
        var summaryKept = await page.InputValueAsync("#summary");

        errors.Should().Equal(
            "Vul een titel in.", "Kies een thema uit de lijst.", "Kies een buurt uit de lijst.", "Kies wat voor organisatie het is.",
            "Schrijf op wat deze organisatie doet, of laat alle vragen op deze pagina leeg.",
            "Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl (hoogstens 254 tekens).");
        (invalid, kept).Should().Be(("true", "Een moestuin voor de school."));
        (partnerKept, whereKept, titleKept, summaryKept).Should().Be(("Geeft de grond naast het schoolplein", "vijfhoek", "Moestuin bij de school", "Een moestuin voor de school."));
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Switching_to_English_in_the_guided_start_keeps_what_was_typed_and_names_the_rule_in_English()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/initiatieven/starten");
        await page.FillAsync("#summary", "A vegetable garden for the school.");
        await page.ClickAsync("text=English");
        await page.WaitForSelectorAsync("html[lang=en]");
        var keptAcrossTheSwitch = await page.InputValueAsync("#summary");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#title-error");
        var english = await page.Locator("#title-error").TextContentAsync();
        var violations = new List<string>(await page.Check("start-what-error-en"));

        keptAcrossTheSwitch.Should().Be("A vegetable garden for the school.");
        english.Should().Be("The title is required and cannot be only spaces.");
        (await page.InputValueAsync("#summary")).Should().Be("A vegetable garden for the school.");
        (await page.Locator("#verder").TextContentAsync()).Should().Be("Next");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Plain_language_hints_appear_while_the_initiator_writes_and_go_when_the_text_is_plain()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/initiatieven/starten?buurt=sinnevelt");
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
