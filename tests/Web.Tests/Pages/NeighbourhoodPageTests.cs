using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

public sealed class NeighbourhoodPageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_home_page_lists_the_neighbourhoods_by_district()
    {
        var page = await _browser.GetStringAsync("/");

        page.Should().Contain("<h3 class=\"utrecht-heading-3\" id=\"district-").And.Contain(">Schalkwijk</h3>").And.Contain("<li><a class=\"utrecht-link\" href=\"/buurten/boerhaavewijk\">Boerhaavewijk</a></li>");
    }

    [Fact]
    public async Task The_home_search_finds_initiatives_by_a_word_of_their_title_as_cards_and_says_when_a_search_is_too_long()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        (await grains.GetGrain<Grains.Initiatives.IInitiativeGrain>(id).Submit(
            new Grains.Initiatives.SubmitInitiative("Jeu de boules-baan", "Een baan op het plein.", "rozenprieel", Grains.Initiatives.Theme.Sport), Testing.TestPeople.Initiator)).Errors.Should().BeEmpty();
        await fixture.Host.Delivered(id.ToString());

        var page = await _browser.GetStringAsync("/?zoek=BOULES");
        var tooLong = await _browser.GetStringAsync("/?zoek=" + new string('a', 101));

        page.Should().Contain("Initiatieven met \u201cBOULES\u201d in de titel: 1")
            .And.Contain($"<a class=\"utrecht-link initiative-card__link\" href=\"/initiatieven/{id}\">Jeu de boules-baan</a>");
        tooLong.Should().Contain("<p class=\"utrecht-paragraph\" role=\"status\" id=\"zoek-uitkomst\">Zoek met een korter woord: hoogstens 100 tekens.</p>");
    }

    [Fact]
    public async Task An_unknown_neighbourhood_page_is_404()
    {
        using var response = await _browser.GetAsync("/buurten/nergenshuizen");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_anonymous_visitor_reads_the_feed_and_is_led_to_the_guided_start_through_the_sign_in()
    {
        var anonymous = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetStringAsync("/buurten/kleverpark");

        page.Should().Contain("<a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" id=\"start-initiatief\" href=\"/initiatieven/starten?buurt=kleverpark\">Start een initiatief</a>")
            .And.Contain("U logt eerst in met DigiD. Daarna gaat u verder met de vragen.")
            .And.NotContain("<form method=\"post\" novalidate>");
    }
}
