using System.Net;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

/// <summary>The place forms without JavaScript: the initiative's place in the workspace, and the area around the person's home.</summary>
public sealed class PlaceFormTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private IGrainFactory Grains => fixture.Host.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task The_initiator_types_a_place_with_a_decimal_comma_and_wrong_numbers_or_a_place_outside_Haarlem_are_refused_in_plain_Dutch()
    {
        var id = Guid.NewGuid();
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        (await commands.Submit(initiator, id, new SubmitInitiative("Bloembakken", "Bakken langs de stoep.", "vijfhoek", Theme.Green), CancellationToken.None)).Errors.Should().BeEmpty();
        await _browser.SignInAs("initiator");
        var path = $"/mijn/{id}";

        using var wrong = await _browser.PostForm(path, new() { ["PlaceLatitude"] = "noord", ["PlaceLongitude"] = "4,64" }, $"{path}?handler=Place");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        using var amsterdam = await _browser.PostForm(path, new() { ["PlaceLatitude"] = "52,3676", ["PlaceLongitude"] = "4,9041" }, $"{path}?handler=Place");
        var amsterdamPage = await amsterdam.Content.ReadAsStringAsync();
        using var saved = await _browser.PostForm(path, new() { ["PlaceLatitude"] = "52,381176", ["PlaceLongitude"] = "4.636688" }, $"{path}?handler=Place");
        var placed = (await Grains.GetGrain<IInitiativeGrain>(id).GetDetails())!.Location;
        using var removed = await _browser.PostForm(path, new() { ["PlaceRemove"] = "true" }, $"{path}?handler=Place");

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrongPage.Should().Contain("<p class=\"utrecht-form-field-error-message\" id=\"placeLatitude-error\">Vul als breedtegraad een getal in van -90 tot 90, bijvoorbeeld 52,3812.</p>")
            .And.Contain("value=\"noord\"");
        amsterdam.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        amsterdamPage.Should().Contain("<p class=\"utrecht-form-field-error-message\" role=\"alert\" id=\"place-error\">De plek moet in de gemeente Haarlem liggen.</p>");
        (saved.StatusCode, saved.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"{path}?gelukt=place"));
        placed.Should().Be(new GeoPoint(52.381176, 4.636688));
        (removed.StatusCode, removed.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"{path}?gelukt=place"));
        (await Grains.GetGrain<IInitiativeGrain>(id).GetDetails())!.Location.Should().BeNull();
        (await Grains.GetGrain<IInitiativeGrain>(id).GetFile())!.ChangeLog.Select(c => (c.What, c.Before, c.After)).Should().Equal(
            ("Plek", (string?)null, "52.381176, 4.636688"), ("Plek", "52.381176, 4.636688", (string?)null));
    }

    [Fact]
    public async Task A_resident_follows_the_area_around_their_home_and_a_radius_not_offered_is_refused_naming_the_choices()
    {
        await _browser.SignInAs("resident");
        const string path = "/gegevens/meldingen";

        using var wrong = await _browser.PostForm(path, new() { ["HomeLatitude"] = "52,38", ["HomeLongitude"] = "4,64", ["HomeRadius"] = "300" }, $"{path}?handler=Home");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        using var empty = await _browser.PostForm(path, new() { ["HomeRadius"] = "500" }, $"{path}?handler=Home");
        var emptyPage = await empty.Content.ReadAsStringAsync();
        using var saved = await _browser.PostForm(path, new() { ["HomeLatitude"] = "52,38", ["HomeLongitude"] = "4,64", ["HomeRadius"] = "250" }, $"{path}?handler=Home");
        var home = await Grains.GetGrain<IPersonGrain>(DevPersonas.Find("resident")!.Actor.UserId).GetHome();
        var page = await _browser.GetStringAsync($"{path}?thuis=ingesteld");

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrongPage.Should().Contain("<p class=\"utrecht-form-field-error-message\" id=\"homeRadius-error\">Kies hoe ver rond uw huis: 250, 500 of 1000 meter.</p>");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        emptyPage.Should().Contain("<p class=\"utrecht-form-field-error-message\" role=\"alert\" id=\"home-error\">Vul de breedtegraad en de lengtegraad van uw huis in, of kies de plek op de kaart.</p>");
        (saved.StatusCode, saved.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, "/gegevens/meldingen?thuis=ingesteld#rond-mijn-huis"));
        home.Should().Be(new HomeArea(new GeoPoint(52.38, 4.64), 250));
        page.Should().Contain("<p class=\"notice\" role=\"status\" id=\"home-done\">U volgt nu de buurt rond uw huis.</p>")
            .And.Contain("<p id=\"home-current\">U volgt alles binnen 250 meter van uw huis.</p>");
    }

    [Fact]
    public async Task My_details_list_the_initiatives_around_my_home_nearest_first_and_leave_out_those_further_away()
    {
        var home = new GeoPoint(52.350, 4.660);
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        var placed = new List<Guid>();
        foreach (var (title, metres) in new[] { ("Op 400 meter", 400.0), ("Op 100 meter", 100.0), ("Op 2 kilometer", 2000.0) })
        {
            var id = Guid.NewGuid();
            (await commands.Submit(initiator, id, new SubmitInitiative(title, "Een plan.", "boerhaavewijk", Theme.Green, Location: home.Towards(45, metres)), CancellationToken.None))
                .Errors.Should().BeEmpty();
            placed.Add(id);
        }

        await Grains.Delivered([.. placed]);
        await _browser.SignInAs("resident");
        using var saved = await _browser.PostForm("/gegevens/meldingen", new() { ["HomeLatitude"] = "52.35", ["HomeLongitude"] = "4.66", ["HomeRadius"] = "500" }, "/gegevens/meldingen?handler=Home");
        var page = await _browser.GetStringAsync("/gegevens");
        var titles = System.Text.RegularExpressions.Regex.Matches(
            page[page.IndexOf("id=\"rond-huis-initiatieven\"", StringComparison.Ordinal)..], "initiative-card__link\" href=\"[^\"]+\">([^<]+)</a>").Select(m => m.Groups[1].Value);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Should().Contain("<p id=\"rond-uw-huis-aantal\">2 initiatieven met een plek binnen 500 meter van uw huis. De dichtstbijzijnde eerst:</p>");
        titles.Take(2).Should().Equal("Op 100 meter", "Op 400 meter");
        titles.Should().NotContain("Op 2 kilometer");
    }
}
