using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

/// <summary>The guided start over HTTP, as a browser without JavaScript uses it: one step per page, the answers in the form.</summary>
public sealed class StartPageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> Step(Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await _browser.SignInAs("initiator");
        using var response = await _browser.PostForm("/initiatieven/starten", fields);
        response.StatusCode.Should().Be(expected);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_new_person_is_asked_to_sign_in_first_and_comes_back_to_the_start_with_the_neighbourhood()
    {
        using var response = await _browser.GetAsync("/initiatieven/starten?buurt=vijfhoek");

        (response.StatusCode, response.Headers.Location?.PathAndQuery).Should().Be(
            (HttpStatusCode.Redirect, "/auth/signin?ReturnUrl=%2Finitiatieven%2Fstarten%3Fbuurt%3Dvijfhoek"));
    }

    [Fact]
    public async Task The_first_step_without_a_title_names_the_rule_and_keeps_the_summary()
    {
        var page = await Step(new() { ["Step"] = "wat", ["go"] = "next", ["Title"] = " ", ["Summary"] = "Bloemen in de berm" }, HttpStatusCode.BadRequest);

        page.Should().Contain("<a class=\"utrecht-link\" href=\"#title\">Vul een titel in.</a>")
            .And.Contain("<p class=\"utrecht-form-field-error-message\" id=\"title-error\">Vul een titel in.</p>")
            .And.Contain(">Bloemen in de berm</textarea>")
            .And.Contain("<p class=\"wizard-progress\" id=\"voortgang\">Stap 1 van 6</p>");
    }

    [Fact]
    public async Task Next_goes_to_the_following_step_and_carries_the_answers_along_hidden()
    {
        var page = await Step(new() { ["Step"] = "wat", ["go"] = "next", ["Title"] = "Buurtbibliotheek", ["Summary"] = "Een kastje met boeken." });

        page.Should().Contain("Waar gaat uw plan over?")
            .And.Contain("<input type=\"hidden\" name=\"Title\" value=\"Buurtbibliotheek\" />")
            .And.Contain("<input type=\"hidden\" name=\"Summary\" value=\"Een kastje met boeken.\" />")
            .And.Contain("<input type=\"hidden\" name=\"Step\" value=\"onderwerp\" />");
    }

    [Fact]
    public async Task Back_goes_to_the_step_before_without_checking_and_shows_what_was_typed()
    {
        var page = await Step(new() { ["Step"] = "onderwerp", ["go"] = "back", ["Title"] = "Buurtbibliotheek", ["Summary"] = "Een kastje met boeken." });

        page.Should().Contain("id=\"title\" name=\"Title\" value=\"Buurtbibliotheek\"").And.Contain(">Een kastje met boeken.</textarea>").And.NotContain("error-summary");
    }

    [Fact]
    public async Task Switching_the_language_with_the_form_shows_the_same_step_in_English_with_what_was_typed_and_keeps_the_choice()
    {
        var page = await Step(new() { ["Step"] = "wat", ["go"] = "taal-en", ["Title"] = "Buurtbibliotheek", ["Summary"] = "Een kastje met boeken." });
        var home = await _browser.GetStringAsync("/");

        page.Should().Contain("<html lang=\"en\"").And.Contain("What do you want to do?")
            .And.Contain("id=\"title\" name=\"Title\" value=\"Buurtbibliotheek\"").And.Contain(">Een kastje met boeken.</textarea>").And.NotContain("error-summary");
        home.Should().Contain("<html lang=\"en\"");
    }

    [Fact]
    public async Task Each_step_names_its_own_problem()
    {
        var theme = await Step(new() { ["Step"] = "onderwerp", ["go"] = "next", ["Title"] = "Bank" }, HttpStatusCode.BadRequest);
        var where = await Step(new() { ["Step"] = "waar", ["go"] = "next", ["Title"] = "Bank", ["Theme"] = "Green", ["buurt"] = "atlantis" }, HttpStatusCode.BadRequest);
        var who = await Step(new() { ["Step"] = "wie", ["go"] = "next", ["Title"] = "Bank", ["PartnerName"] = "Elan Wonen" }, HttpStatusCode.BadRequest);
        var contact = await Step(new() { ["Step"] = "contact", ["go"] = "next", ["Title"] = "Bank", ["ContactEmail"] = "ilse-at-example", ["ContactPhone"] = "bel mij" }, HttpStatusCode.BadRequest);

        theme.Should().Contain("<a class=\"utrecht-link\" href=\"#theme\">Kies een thema uit de lijst.</a>");
        where.Should().Contain("<a class=\"utrecht-link\" href=\"#neighbourhood\">Kies een buurt uit de lijst.</a>");
        who.Should().Contain("<a class=\"utrecht-link\" href=\"#partnerKind\">Kies wat voor organisatie het is.</a>")
            .And.Contain("<a class=\"utrecht-link\" href=\"#partnerRole\">Schrijf op wat deze organisatie doet, of laat alle vragen op deze pagina leeg.</a>");
        contact.Should().Contain("<a class=\"utrecht-link\" href=\"#contactEmail\">Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl (hoogstens 254 tekens).</a>")
            .And.Contain("<a class=\"utrecht-link\" href=\"#contactPhone\">Het telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, &#x2B; en - (hoogstens 20 tekens).</a>");
    }

    [Fact]
    public async Task Sending_with_a_problem_opens_the_step_with_it_and_stores_nothing()
    {
        var page = await Step(new() { ["Step"] = "controleren", ["go"] = "send", ["Title"] = "Buurtbarbecue", ["Theme"] = "Social", ["buurt"] = "ramplaankwartier", ["ContactEmail"] = "ilse-at-example" },
            HttpStatusCode.BadRequest);
        var feed = await _browser.GetStringAsync("/buurten/ramplaankwartier");

        page.Should().Contain("Hoe kunnen we u bereiken?").And.Contain("id=\"contactEmail-error\"").And.Contain("Terug naar het overzicht");
        feed.Should().Contain("Er is nog niets gebeurd in deze buurt.").And.NotContain("Buurtbarbecue");
    }

    [Fact]
    public async Task Sending_leads_to_the_confirmation_and_the_initiative_is_in_the_feed_with_its_partner()
    {
        await _browser.SignInAs("initiator");
        using var response = await _browser.SendInitiative(new()
        {
            ["Title"] = "Buurtbibliotheek", ["Summary"] = "Een kastje met boeken.", ["Theme"] = "Culture", ["buurt"] = "sinnevelt",
            ["PartnerName"] = "Bibliotheek Zuid-Kennemerland", ["PartnerKind"] = "Foundation", ["PartnerRole"] = "Geeft de eerste boeken",
            ["ContactEmail"] = "ilse@example.nl",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = response.SentInitiativeId();
        var confirmation = await _browser.GetStringAsync(response.Headers.Location!.ToString());
        var initiative = await _browser.GetStringAsync($"/initiatieven/{id}");
        await fixture.Host.Delivered(id);
        var feed = await _browser.GetStringAsync("/buurten/sinnevelt");

        confirmation.Should().Contain("Uw initiatief is ingediend")
            .And.Contain("De gemeente kiest uw vaste contactpersoon, uiterlijk <time datetime=\"2026-03-09\">9 maart 2026</time>. Die neemt contact met u op via ilse@example.nl.")
            .And.Contain("is het initiatief klaar rond <strong><time datetime=\"2026-08-24\">24 augustus 2026</time></strong>");
        initiative.Should().Contain("<h1 class=\"utrecht-heading-1\">Buurtbibliotheek</h1>")
            .And.Contain("<p class=\"utrecht-paragraph\" id=\"stand-tekst\">")
            .And.Contain("Nu: Ingediend, stap 1 van 6. Klaar rond 9 maart 2026.")
            .And.Contain("<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\" id=\"thema\">Cultuur</dd>")
            .And.Contain("<strong>Bibliotheek Zuid-Kennemerland</strong> (stichting): Geeft de eerste boeken")
            .And.Contain(">2 maart 2026, 09:00</time>"); // 08:00 UTC is 09:00 in Haarlem
        feed.Should().Contain($"<a class=\"utrecht-link\" href=\"/initiatieven/{id}\">Buurtbibliotheek</a>")
            .And.Contain($"<a class=\"utrecht-link initiative-card__link\" href=\"/initiatieven/{id}\">Buurtbibliotheek</a>");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await _browser.SignInAs("initiator");
        using var response = await _browser.PostAsync("/initiatieven/starten", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Step"] = "controleren", ["go"] = "send", ["Title"] = "Zonder token", ["Theme"] = "Green", ["buurt"] = "duinwijk",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _browser.GetStringAsync("/buurten/duinwijk")).Should().NotContain("Zonder token");
    }

    [Fact]
    public async Task The_confirmation_page_is_the_initiators_own_others_go_to_the_public_page()
    {
        await _browser.SignInAs("initiator");
        using var response = await _browser.SendInitiative(new() { ["Title"] = "Zitbank", ["Theme"] = "Social", ["buurt"] = "duinwijk" });
        var other = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await other.SignInAs("resident");

        using var seen = await other.GetAsync(response.Headers.Location!.ToString());

        (seen.StatusCode, seen.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"/initiatieven/{response.SentInitiativeId()}"));
    }

    [Fact]
    public async Task The_where_step_takes_an_optional_place_refuses_one_outside_Haarlem_and_the_sent_initiative_has_it()
    {
        var outside = await Step(new() { ["Step"] = "waar", ["go"] = "next", ["buurt"] = "vijfhoek", ["PlaceLatitude"] = "52,3676", ["PlaceLongitude"] = "4,9041" }, HttpStatusCode.BadRequest);
        var check = await Step(new() { ["Step"] = "contact", ["go"] = "next", ["Title"] = "Bankje", ["Theme"] = "Social", ["buurt"] = "vijfhoek", ["PlaceLatitude"] = "52,381176", ["PlaceLongitude"] = "4,636688" });
        using var sent = await _browser.SendInitiative(new() { ["Title"] = "Bankje", ["Theme"] = "Social", ["buurt"] = "vijfhoek", ["PlaceLatitude"] = "52,381176", ["PlaceLongitude"] = "4,636688" });
        var details = await fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Initiatives.IInitiativeGrain>(Guid.Parse(sent.SentInitiativeId())).GetDetails();

        outside.Should().Contain("<p class=\"utrecht-form-field-error-message\" id=\"placeLatitude-error\">De plek moet in de gemeente Haarlem liggen.</p>")
            .And.Contain("value=\"52,3676\"");
        check.Should().Contain("id=\"check-place\">52,381176, 4,636688</dd>")
            .And.Contain("<input type=\"hidden\" name=\"PlaceLatitude\" value=\"52,381176\" />");
        details!.Location.Should().Be(new Grains.Geo.GeoPoint(52.381176, 4.636688));
    }
}
