using System.Globalization;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.Playwright;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// Maps and "around my home" in a real browser, with the background tiles unavailable (as on a
/// machine without internet): the initiator places an initiative with the keyboard, a resident who
/// follows the area around their home sees it arrive live, one further away does not.
/// </summary>
public sealed class MapJourneyTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    private IGrainFactory Grains => hub.Host.Services.GetRequiredService<IGrainFactory>();

    private async Task<IPage> NewPageWithoutTiles()
    {
        var page = await hub.NewPage();
        // The default background (PDOK) cannot be reached: the maps must say so and keep working.
        await page.Context.RouteAsync("https://service.pdok.nl/**", route => route.AbortAsync());
        return page;
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as a keyboard user would.</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}.");
    }

    [Fact]
    public async Task An_initiative_placed_with_the_keyboard_reaches_a_resident_300_metres_away_live_and_not_one_800_metres_away()
    {
        var id = Guid.NewGuid();
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = hub.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        (await commands.Submit(initiator, id, new SubmitInitiative("Bankje bij de gracht", "Een bank om even te zitten.", "vijfhoek", Theme.Social), CancellationToken.None))
            .Errors.Should().BeEmpty();

        // The initiator moves the map with the arrow keys and takes its middle as the place.
        var page = await NewPageWithoutTiles();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync($"/mijn/{id}");
        await page.WaitForSelectorAsync("#plek-kiezen[data-map-ready=true]");
        await page.FocusAsync("#plek-kiezen");
        foreach (var key in new[] { "ArrowRight", "ArrowRight", "ArrowUp" })
        {
            await page.Keyboard.PressAsync(key);
        }

        await TabTo(page, "[data-map-set]");
        await page.Keyboard.PressAsync("Enter");
        var latitudeText = await page.InputValueAsync("#placeLatitude");
        var longitudeText = await page.InputValueAsync("#placeLongitude");
        var place = new GeoPoint(double.Parse(latitudeText, CultureInfo.InvariantCulture), double.Parse(longitudeText, CultureInfo.InvariantCulture));
        var background = await page.Locator("#plek-kiezen + .kaart-uitleg + .kaart-melding").TextContentAsync();
        var violations = new List<string>(await page.Check("map-pick"));

        // Two residents follow the area around their home: one 300 m away (500 m around it), one 800 m away.
        var resident = await NewPageWithoutTiles();
        await PageChecks.SignIn(resident, "resident");
        await resident.GotoAsync("/gegevens/meldingen");
        var near = place.Towards(200, 300);
        await resident.FillAsync("#homeLatitude", near.Latitude.ToString("0.######", CultureInfo.InvariantCulture));
        await resident.FillAsync("#homeLongitude", near.Longitude.ToString("0.######", new CultureInfo("nl-NL")));
        await resident.SelectOptionAsync("#homeRadius", "500");
        await resident.ClickAsync("#home-save");
        await resident.WaitForURLAsync("**thuis=ingesteld**");
        var saved = await resident.Locator("#home-current").TextContentAsync();
        violations.AddRange(await resident.Check("map-home"));
        var far = Grains.GetGrain<IPersonGrain>($"resident-far-{Guid.NewGuid():N}");
        (await far.SetHome(new HomeArea(place.Towards(20, 800), 500))).Should().BeEmpty();
        await resident.GotoAsync("/gegevens");
        await resident.WaitForSelectorAsync("#berichten-lijst[data-live=true]", new() { State = WaitForSelectorState.Attached });

        // The initiator saves the place with the keyboard; the near resident's page shows it without reloading.
        await TabTo(page, "#place-save");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**gelukt=place");
        var arrived = resident.Locator($"#berichten-lijst li:has(a[href='/initiatieven/{id}'])");
        await arrived.WaitForAsync();
        var notice = await arrived.Locator("p").TextContentAsync();
        violations.AddRange(await resident.Check("map-notice-live"));
        await Grains.Delivered(id);

        (await Grains.GetGrain<IInitiativeGrain>(id).GetDetails())!.Location.Should().Be(place.Rounded());
        MunicipalityMap.Haarlem.Contains(place).Should().BeTrue();
        background.Should().Be("De achtergrondkaart is nu niet te laden. De punten staan er wel op.");
        saved.Should().Be("U volgt alles binnen 500 meter van uw huis.");
        notice.Should().Be("De plek van het initiatief op de kaart is aangepast.");
        (await far.GetInboxAfter(0, 10)).Should().BeEmpty();
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_neighbourhood_page_and_the_initiative_page_show_the_place_as_a_marker_next_to_the_text_with_no_axe_violations()
    {
        var id = Guid.NewGuid();
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = hub.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        var place = new GeoPoint(52.3795, 4.6305);
        (await commands.Submit(initiator, id, new SubmitInitiative("Boomspiegels Zijlweg", "Bloemen rond de bomen.", "kleverpark", Theme.Green, Location: place), CancellationToken.None))
            .Errors.Should().BeEmpty();
        await Grains.Delivered(id);

        var page = await NewPageWithoutTiles();
        await page.GotoAsync("/buurten/kleverpark");
        await page.WaitForSelectorAsync("#buurt-kaart[data-map-ready=true]");
        var marker = page.Locator("#buurt-kaart .kaart-punt[aria-label^='Boomspiegels Zijlweg']");
        var label = await marker.GetAttributeAsync("aria-label");
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popup = await page.Locator("#buurt-kaart .leaflet-popup-content a").GetAttributeAsync("href");
        var violations = new List<string>(await page.Check("map-neighbourhood"));

        await page.GotoAsync($"/initiatieven/{id}");
        await page.WaitForSelectorAsync("#plek-kaart[data-map-ready=true]");
        var text = await page.Locator("#plek-tekst").TextContentAsync();
        var markers = await page.Locator("#plek-kaart .kaart-punt").CountAsync();
        violations.AddRange(await page.Check("map-initiative"));

        label.Should().Be("Boomspiegels Zijlweg: Groen, Ingediend");
        popup.Should().Be($"/initiatieven/{id}");
        text.Should().Be("Dit initiatief heeft een plek op de kaart: 52.3795, 4.6305 (breedtegraad, lengtegraad).");
        markers.Should().Be(1);
        violations.Should().BeEmpty();
    }
}
