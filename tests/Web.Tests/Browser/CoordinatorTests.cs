using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Web.Identity;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>The coordinator sees the initiatives still waiting for a contact official, longest waiting first, and assigns one.</summary>
public sealed class CoordinatorTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    [Fact]
    public async Task A_coordinator_assigns_a_contact_official_and_a_wrong_email_is_named_next_to_the_field()
    {
        var grains = hub.Host.Services.GetRequiredService<IGrainFactory>();
        var initiator = DevPersonas.Find("initiator")!.Actor;
        var first = Guid.NewGuid();
        (await grains.GetGrain<IInitiativeGrain>(first).Submit(new SubmitInitiative("Bloembakken", "Bloembakken langs de gracht.", "binnenstad", Theme.Green), initiator)).Errors.Should().BeEmpty();
        hub.Host.Time.Advance(TimeSpan.FromHours(1));
        var second = Guid.NewGuid();
        (await grains.GetGrain<IInitiativeGrain>(second).Submit(new SubmitInitiative("Jeu de boules", "Een baan bij het buurthuis.", "delftwijk", Theme.Sport), initiator)).Errors.Should().BeEmpty();
        await grains.Delivered(first, second);

        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "coordinator");
        await page.GotoAsync("/coordinatie");
        var waiting = await page.Locator("#zonder-contactpersoon ~ article h3").AllTextContentsAsync();
        var violations = new List<string>(await page.Check("coordination"));

        var id = first.ToString("N");
        await page.ClickAsync($"#titel-{first} ~ details summary");
        await page.FillAsync($"#officialId-{id}", "piet.bakker");
        await page.FillAsync($"#name-{id}", "Piet Bakker");
        await page.FillAsync($"#role-{id}", "Wijkregisseur");
        await page.FillAsync($"#team-{id}", "Centrum");
        await page.FillAsync($"#email-{id}", "piet.bakker");
        await page.ClickAsync($"#titel-{first} ~ details button");
        await page.WaitForSelectorAsync($"#email-{id}-error");
        var error = await page.Locator($"#email-{id}-error").TextContentAsync();
        var keptName = await page.InputValueAsync($"#name-{id}");
        violations.AddRange(await page.Check("coordination-with-errors"));

        await page.FillAsync($"#email-{id}", "p.bakker@haarlem.nl");
        await page.ClickAsync($"#titel-{first} ~ details button");
        await page.WaitForURLAsync("**/coordinatie?toegewezen=*");
        var done = await page.Locator("main [role=status]").TextContentAsync();
        var left = await page.Locator("#zonder-contactpersoon ~ article h3").AllTextContentsAsync();
        await page.GotoAsync($"/initiatieven/{first}");
        var contact = await page.Locator(".contact-card strong").First.TextContentAsync();

        // A hand-over: the coordinator gives the initiative to another official, with a reason.
        await page.GotoAsync($"/werk/{first}");
        await page.FillAsync("#officialId-overdracht", "fatima.yilmaz");
        await page.FillAsync("#name-overdracht", "Fatima Yilmaz");
        await page.FillAsync("#role-overdracht", "Wijkregisseur");
        await page.FillAsync("#team-overdracht", "Centrum");
        await page.FillAsync("#email-overdracht", "f.yilmaz@haarlem.nl");
        await page.FillAsync("#handOverReason", "Piet Bakker gaat met verlof.");
        violations.AddRange(await page.Check("work-hand-over"));
        await page.ClickAsync("section[aria-labelledby=overdragen] button");
        await page.WaitForURLAsync("**gelukt=handover");
        await page.GotoAsync($"/initiatieven/{first}");
        var handedOver = await page.Locator(".contact-card strong").First.TextContentAsync();

        waiting.Should().Equal("Bloembakken", "Jeu de boules");
        (error, keptName).Should().Be(("Het e-mailadres klopt niet. Schrijf het zo: s.devries@haarlem.nl.", "Piet Bakker"));
        done.Should().Be("Piet Bakker is nu de contactpersoon. De initiatiefnemer hoort het.");
        left.Should().Equal("Jeu de boules");
        contact.Should().Be("Piet Bakker");
        handedOver.Should().Be("Fatima Yilmaz");
        violations.Should().BeEmpty();
    }
}
