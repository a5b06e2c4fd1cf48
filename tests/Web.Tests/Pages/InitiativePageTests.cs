using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Pages;

public sealed class InitiativePageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    [Fact]
    public async Task The_initiative_page_shows_an_extension_with_its_reason_and_the_moved_date()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Bloembakken", "Bloembakken op de brug.", "vogelenwijk", Theme.Green), TestPeople.Initiator);
        await initiative.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 3, 20), "De contactpersoon is ziek."), "Sanne de Vries");

        var page = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");

        page.Should().Contain("klaar rond <time datetime=\"2026-03-20\">20 maart 2026</time>\n                (verlengd)")
            .And.Contain("Ingediend: van 9 maart 2026 naar 20 maart 2026.")
            .And.Contain("Reden: De contactpersoon is ziek. (Sanne de Vries, 2 maart 2026)");
    }

    [Fact]
    public async Task The_initiative_shows_its_contact_official_on_the_page_and_in_the_API()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Zitbank", "", "rozenprieel", Theme.Social), TestPeople.Initiator);
        var before = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");
        await initiative.AssignContactOfficial(new ContactOfficial("sanne", "Sanne de Vries", "Gebiedsverbinder", "Team Zuid-West", "s.devries@haarlem.nl", "023 511 5115"), "Coördinator Jan", null);

        var page = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");
        var api = await fixture.Host.GraphQL().Send("query($id: ID!) { initiative(id: $id) { contactOfficial { name role team email phone } handovers { fromName toName setBy } } }", new { id });

        before.Should().Contain("De gemeente kiest binnenkort een contactpersoon voor dit initiatief.");
        page.Should().Contain("<p class=\"utrecht-paragraph\"><strong>Sanne de Vries</strong><br />Gebiedsverbinder, Team Zuid-West</p>")
            .And.Contain("<a class=\"utrecht-link\" href=\"mailto:s.devries@haarlem.nl\">s.devries@haarlem.nl</a>")
            .And.Contain("<a class=\"utrecht-link\" href=\"tel:0235115115\">023 511 5115</a>");
        System.Text.Json.Nodes.JsonNode.DeepEquals(api.Data!["initiative"], System.Text.Json.Nodes.JsonNode.Parse("""
            { "contactOfficial": { "name": "Sanne de Vries", "role": "Gebiedsverbinder", "team": "Team Zuid-West", "email": "s.devries@haarlem.nl", "phone": "023 511 5115" },
              "handovers": [ { "fromName": null, "toName": "Sanne de Vries", "setBy": "Coördinator Jan" } ] }
            """)).Should().BeTrue(api.Body.ToJsonString());
    }

    [Fact]
    public async Task The_initiative_shows_its_partners_and_agreements_with_a_missed_one_marked()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Buurttuin", "", "delftwijk", Theme.Green), TestPeople.Initiator);
        await initiative.AddPartner(new Partner("Elan Wonen", PartnerKind.HousingCorporation, "Levert de grond"), "Initiatiefnemer");
        await initiative.RecordAgreement("De gemeente", "legt een kraan aan", new DateOnly(2026, 4, 1), "Sanne de Vries");
        await initiative.MarkAgreement(1, kept: false, "Initiatiefnemer");

        var page = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");
        var api = await fixture.Host.GraphQL().Send("query($id: ID!) { initiative(id: $id) { partners { name kind role } agreements { number state } changeLog { what after } } }", new { id });

        page.Should().Contain("<li class=\"utrecht-unordered-list__item\"><strong>Elan Wonen</strong> (woningcorporatie): Levert de grond</li>")
            .And.Contain("De gemeente legt een kraan aan, vóór 1 april 2026.")
            .And.Contain("<strong>Niet nagekomen.</strong>");
        System.Text.Json.Nodes.JsonNode.DeepEquals(api.Data!["initiative"], System.Text.Json.Nodes.JsonNode.Parse("""
            { "partners": [ { "name": "Elan Wonen", "kind": "HOUSING_CORPORATION", "role": "Levert de grond" } ],
              "agreements": [ { "number": 1, "state": "MISSED" } ],
              "changeLog": [ { "what": "Partner", "after": "Elan Wonen (woningcorporatie): Levert de grond" },
                             { "what": "Afspraak", "after": "De gemeente: legt een kraan aan (vóór 1 april 2026)" },
                             { "what": "Afspraak 1", "after": "Niet nagekomen" } ] }
            """)).Should().BeTrue(api.Body.ToJsonString());
    }

    [Fact]
    public async Task Input_and_its_answers_are_public_without_naming_the_resident()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Jeu de boules-baan", "", "houtvaartkwartier", Theme.Sport), TestPeople.Initiator);
        await initiative.GiveInput("resident-42", Haarlem.Initiatives.Grains.Input.InputKind.Support, null);
        await initiative.GiveInput("resident-42", Haarlem.Initiatives.Grains.Input.InputKind.Question, "Mag iedereen meedoen?");
        await initiative.AnswerInput(1, "Ja, iedereen mag meedoen.", Haarlem.Initiatives.Grains.Input.InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);

        var api = await fixture.Host.GraphQL().Send(
            "query($id: ID!) { initiative(id: $id) { supportCount input { number kind text answerDue answer { text outcome answeredBy workingDaysTaken } } } }", new { id });

        System.Text.Json.Nodes.JsonNode.DeepEquals(api.Data!["initiative"], System.Text.Json.Nodes.JsonNode.Parse("""
            { "supportCount": 1, "input": [ { "number": 1, "kind": "QUESTION", "text": "Mag iedereen meedoen?", "answerDue": "2026-03-09",
              "answer": { "text": "Ja, iedereen mag meedoen.", "outcome": "ADOPTED", "answeredBy": "Sanne de Vries", "workingDaysTaken": 0 } } ] }
            """)).Should().BeTrue(api.Body.ToJsonString());
        api.Body.ToJsonString().Should().NotContain("resident-42");
    }

    [Fact]
    public async Task The_plan_and_the_conditions_show_on_the_page_once_written()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Buurtmoestuin", "Groente voor iedereen.", "kleverpark", Theme.Green), TestPeople.Initiator);
        var before = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");

        await initiative.UpdateInitiative(new InitiativeUpdate(Plan: "Zes bakken op het grasveld.", Conditions: "Geen hekken."), "Initiatiefnemer");
        var after = await fixture.Host.CreateClient().GetStringAsync($"/initiatieven/{id}");

        before.Should().NotContain("id=\"plan\"");
        after.Should().Contain("<h3 class=\"utrecht-heading-3\" id=\"plan\">Het plan</h3>\n        <p class=\"utrecht-paragraph plan\">Zes bakken op het grasveld.</p>")
            .And.Contain("<h3 class=\"utrecht-heading-3\" id=\"voorwaarden\">Voorwaarden van de gemeente</h3>\n        <p class=\"utrecht-paragraph\">Geen hekken.</p>");
    }
}
