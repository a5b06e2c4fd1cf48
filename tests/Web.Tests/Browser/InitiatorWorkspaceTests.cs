using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>The initiator's workspace: their initiatives, messages with the contact official, and rating the service at a milestone.</summary>
public sealed class InitiatorWorkspaceTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    [Fact]
    public async Task The_initiator_writes_to_the_contact_official_and_rates_the_service_after_the_first_talk()
    {
        var grains = hub.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        // As the pages and the API do: through the commands, which also remember the initiative for the person.
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = hub.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        (await commands.Submit(initiator, id, new SubmitInitiative("Pluktuin", "Fruitbomen voor de buurt.", "kleverpark", Theme.Green), CancellationToken.None)).Errors.Should().BeEmpty();
        var official = DevPersonas.Find("official")!.Actor;
        (await grain.AssignContactOfficial(new ContactOfficial(official.UserId, official.Name, "Gebiedsverbinder", "Noord", "s.devries@haarlem.nl", null), "Kees Jansen", null)).Errors.Should().BeEmpty();
        (await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), official.Name)).Errors.Should().BeEmpty();
        (await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), official.Name)).Errors.Should().BeEmpty();

        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/mijn");
        var card = page.Locator("#mijn-initiatieven .initiative-card", new() { Has = page.Locator("a:text('Pluktuin')") });
        var mine = (await card.Locator(".initiative-card__status").TextContentAsync(), await card.Locator(".initiative-card__step").TextContentAsync(),
            await card.Locator(".initiative-card__link").GetAttributeAsync("href"));
        var due = (await grain.GetTimeline())!.Ahead[0].ExpectedEnd;
        var violations = new List<string>(await page.Check("mine"));
        await page.ClickAsync("#mijn-initiatieven a:text('Pluktuin')");
        violations.AddRange(await page.Check("mine-initiative"));

        await page.ClickAsync("section[aria-labelledby=berichten] button");
        await page.WaitForSelectorAsync("#text-error");
        var empty = await page.Locator("#text-error").TextContentAsync();
        violations.AddRange(await page.Check("mine-message-error"));
        await page.FillAsync("#text", "Kunnen we volgende week de plek bekijken?");
        await page.ClickAsync("section[aria-labelledby=berichten] button");
        await page.WaitForURLAsync("**gelukt=message");
        var message = await page.Locator(".messages li").Last.InnerTextAsync();

        await page.FillAsync("#mark", "8");
        foreach (var dimension in new[] { "fast", "relevant", "transparent", "consistent", "personal", "involved", "simple" })
        {
            await page.CheckAsync($"#kano-{dimension}-4");
        }

        await page.ClickAsync("section[aria-labelledby=beoordelen] button");
        await page.WaitForURLAsync("**gelukt=rate");
        var thanks = await page.Locator("main [role=status]").TextContentAsync();
        var ratingFormLeft = await page.Locator("#beoordelen").CountAsync();
        violations.AddRange(await page.Check("mine-rated"));
        var ratings = await grain.GetRatings();

        // The class's other test may have started one for the same person already.
        mine.Should().Be(("Uitwerking", $"Uitwerking, klaar rond {DutchDate(due)}", $"/mijn/{id}"));
        empty.Should().Be("Schrijf eerst uw tekst.");
        message.Should().Be("Initiatiefnemer (2 maart 2026, 09:00)\n\nKunnen we volgende week de plek bekijken?");
        (thanks, ratingFormLeft).Should().Be(("Dank u voor uw beoordeling.", 0));
        ratings!.Select(r => (r.Mark, r.Kano, r.ByInitiator)).Should().Equal((8, new Grains.Ratings.KanoScores(4, 4, 4, 4, 4, 4, 4), true));
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_initiator_records_an_agreement_marks_it_kept_and_adds_a_partner_with_errors_next_to_the_fields_first()
    {
        var id = Guid.NewGuid();
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = hub.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        (await commands.Submit(initiator, id, new SubmitInitiative("Buurtkast", "Een kast om spullen te delen.", "planetenwijk", Theme.Social), CancellationToken.None)).Errors.Should().BeEmpty();

        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync($"/mijn/{id}");
        await page.FillAsync("#what", "zet de kast neer");
        await page.FillAsync("#due", "2026-04-15");
        await page.ClickAsync("text=Afspraak vastleggen");
        await page.WaitForSelectorAsync("#who-error");
        var whoError = await page.Locator("#who-error").TextContentAsync();
        var keptWhat = await page.InputValueAsync("#what");
        var violations = new List<string>(await page.Check("mine-agreement-error"));
        await page.FillAsync("#who", "De buurtvereniging");
        await page.ClickAsync("text=Afspraak vastleggen");
        await page.WaitForURLAsync("**gelukt=agreement");
        await page.ClickAsync("#afsprakenlijst button[value=true]");
        await page.WaitForURLAsync("**gelukt=mark");
        var agreements = await page.Locator("#afsprakenlijst li").AllInnerTextsAsync();

        await page.FillAsync("#partnerName", "Bibliotheek Zuid-Kennemerland");
        await page.SelectOptionAsync("#partnerKind", "Foundation");
        await page.FillAsync("#partnerRole", "Zorgt voor boeken");
        await page.ClickAsync("section[aria-labelledby=partners] button");
        await page.WaitForURLAsync("**gelukt=partner");
        var partners = await page.Locator("#partnerlijst .partner").AllInnerTextsAsync();
        violations.AddRange(await page.Check("mine-agreements-and-partners"));

        (whoError, keptWhat).Should().Be(("Vul in wie het doet.", "zet de kast neer"));
        agreements.Should().Equal("De buurtvereniging zet de kast neer, vóór 15 april 2026. Nagekomen.");
        partners.Should().Equal("Bibliotheek Zuid-Kennemerland (stichting): Zorgt voor boeken");
        violations.Should().BeEmpty();
    }

    /// <summary>A day as the Dutch pages write it, whatever the test process's culture.</summary>
    private static string DutchDate(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
