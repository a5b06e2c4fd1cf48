using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

public sealed class NeighbourhoodPageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> PostForm(string path, Dictionary<string, string> fields)
    {
        await _browser.SignInAs("initiator");
        return await _browser.PostForm(path, fields);
    }

    [Fact]
    public async Task The_home_page_lists_the_neighbourhoods_by_district()
    {
        var page = await _browser.GetStringAsync("/");

        page.Should().Contain("<h2 class=\"utrecht-heading-2\" id=\"district-").And.Contain(">Schalkwijk</h2>").And.Contain("<a class=\"utrecht-link\" href=\"/buurten/boerhaavewijk\">Boerhaavewijk</a>");
    }

    [Fact]
    public async Task An_unknown_neighbourhood_page_is_404()
    {
        using var response = await _browser.GetAsync("/buurten/nergenshuizen");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submitting_the_form_without_a_title_shows_the_rule_in_Dutch_and_keeps_what_was_typed()
    {
        using var response = await PostForm("/buurten/duinwijk", new() { ["Title"] = " ", ["Summary"] = "Bloemen in de berm", ["Theme"] = "Green" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("<a class=\"utrecht-link\" href=\"#title\">Vul een titel in.</a>").And.Contain("<p class=\"utrecht-form-field-error-message\" id=\"title-error\">Vul een titel in.</p>").And.Contain(">Bloemen in de berm</textarea>");
        page.Should().Contain("Er is nog niets gebeurd in deze buurt.");
    }

    [Fact]
    public async Task Submitting_the_form_leads_to_the_new_initiative_and_puts_it_in_the_feed()
    {
        using var response = await PostForm("/buurten/sinnevelt", new() { ["Title"] = "Buurtbibliotheek", ["Summary"] = "Een kastje met boeken.", ["Theme"] = "Culture" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.Should().MatchRegex("^/initiatieven/[0-9a-f-]{36}$");
        var initiative = await _browser.GetStringAsync(location);
        initiative.Should().Contain("<h1 class=\"utrecht-heading-1\">Buurtbibliotheek</h1>").And.Contain("<dd>Ingediend</dd>").And.Contain("<dd>Cultuur</dd>");
        initiative.Should().Contain("klaar rond <time datetime=\"2026-03-09\">9 maart 2026</time>")
            .And.Contain("is het initiatief klaar rond <strong>24 augustus 2026</strong>")
            .And.Contain(">2 maart 2026, 09:00</time>"); // 08:00 UTC is 09:00 in Haarlem
        await fixture.Host.Delivered(location["/initiatieven/".Length..]);
        var feed = await _browser.GetStringAsync("/buurten/sinnevelt");
        feed.Should().Contain($"<a class=\"utrecht-link\" href=\"{location}\">Buurtbibliotheek</a>");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var response = await _browser.PostAsync("/buurten/duinwijk",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Zonder token", ["Theme"] = "Green" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var feed = await _browser.GetStringAsync("/buurten/duinwijk");
        feed.Should().NotContain("Zonder token");
    }

    [Fact]
    public async Task A_wrong_email_address_or_phone_number_is_named_in_Dutch_and_nothing_is_stored()
    {
        using var response = await PostForm("/buurten/ramplaankwartier", new()
        {
            ["Title"] = "Buurtbarbecue", ["Theme"] = "Social", ["ContactEmail"] = "ilse-at-example", ["ContactPhone"] = "bel mij",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("<a class=\"utrecht-link\" href=\"#contactEmail\">Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl (hoogstens 254 tekens).</a>")
            .And.Contain("<a class=\"utrecht-link\" href=\"#contactPhone\">Het telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, &#x2B; en - (hoogstens 20 tekens).</a>")
            .And.Contain("Er is nog niets gebeurd in deze buurt.");
    }

    [Fact]
    public async Task An_anonymous_visitor_reads_the_feed_and_is_asked_to_sign_in_to_start_an_initiative()
    {
        var anonymous = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetStringAsync("/buurten/kleverpark");

        page.Should().Contain("Wilt u zelf iets doen in uw buurt? Log in om een initiatief te starten. <a class=\"utrecht-link\" href=\"/auth/signin?returnUrl=%2Fbuurten%2Fkleverpark%23starten\">Inloggen</a>")
            .And.NotContain("<form method=\"post\" novalidate>");
    }
}
