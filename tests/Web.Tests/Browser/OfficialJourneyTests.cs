using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Web.Identity;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// A resident gives input on the initiative page (keyboard only); the contact official finds it
/// in the work queue, answers it and sets the next step; the resident reads the answer. A text
/// full of ambtelijke words is refused with the plain-language hints.
/// </summary>
public sealed class OfficialJourneyTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    private async Task<Guid> InitiativeWithContactOfficial()
    {
        var grains = hub.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        (await grain.Submit(new SubmitInitiative("Schommel in het park", "Een schommel voor kleine kinderen.", "vijfhoek", Theme.Play), DevPersonas.Find("initiator")!.Actor)).Errors.Should().BeEmpty();
        var official = DevPersonas.Find("official")!.Actor;
        (await grain.AssignContactOfficial(new ContactOfficial(official.UserId, official.Name, "Gebiedsverbinder", "Centrum", "s.devries@haarlem.nl", null), "Kees Jansen", null)).Errors.Should().BeEmpty();
        return id;
    }

    [Fact]
    public async Task A_resident_asks_the_official_answers_and_moves_the_step_and_the_resident_reads_the_answer()
    {
        var id = await InitiativeWithContactOfficial();
        var violations = new List<string>();

        var resident = await hub.NewPage();
        await PageChecks.SignIn(resident, "resident");
        await resident.GotoAsync($"/initiatieven/{id}");
        violations.AddRange(await resident.Check("initiative-no-input"));
        await resident.FocusAsync("#kind-Question");
        await resident.Keyboard.PressAsync("Space");
        // Tab leaves the group of choices for the message field.
        await resident.Keyboard.PressAsync("Tab");
        await resident.Keyboard.TypeAsync("Komt er ook een schommel voor kinderen in een rolstoel?");
        await resident.Keyboard.PressAsync("Tab");
        await resident.Keyboard.PressAsync("Enter");
        await resident.WaitForURLAsync("**gegeven=true**");
        var thanks = await resident.Locator("main [role=status]").TextContentAsync();
        violations.AddRange(await resident.Check("initiative-input-given"));

        // The work queue is a delivered copy: it follows the resident's input within milliseconds.
        await hub.Host.Delivered(id.ToString());
        var official = await hub.NewPage();
        await PageChecks.SignIn(official, "official");
        await official.GotoAsync("/werk");
        var queue = await official.Locator("#werklijst tbody tr").AllInnerTextsAsync();
        violations.AddRange(await official.Check("work-queue"));
        await official.ClickAsync("#werklijst a");
        await official.FillAsync("#answer-1", "Ja. We kiezen een schommel waar ook een rolstoel in past.");
        await official.ClickAsync("text=Antwoord versturen");
        await official.WaitForURLAsync("**gelukt=answer");
        violations.AddRange(await official.Check("work-answered"));

        await official.FillAsync("#explanation", "Wij beogen de realisatie van een speelvoorziening aangaande het park.");
        await official.ClickAsync("text=Zet op: Verkenning");
        await official.WaitForSelectorAsync("#taalhints");
        var hints = await official.Locator("#taalhints li").CountAsync();
        var kept = await official.InputValueAsync("#explanation");
        violations.AddRange(await official.Check("work-plain-language-refused"));
        await official.FillAsync("#explanation", "We hebben met u gepraat. Nu zoeken we samen een plek in het park.");
        await official.ClickAsync("text=Zet op: Verkenning");
        await official.WaitForURLAsync("**gelukt=status");
        await official.FillAsync("#escalationReason", "De eigenaar van de grond reageert niet.");
        await official.ClickAsync("text=Op de agenda zetten");
        await official.WaitForURLAsync("**gelukt=escalate");
        var escalated = await official.Locator("#bestuur-op-maat + p").TextContentAsync();
        violations.AddRange(await official.Check("work-escalated"));

        await resident.GotoAsync($"/initiatieven/{id}");
        var answer = await resident.Locator("#inbreng-1 .answer").InnerTextAsync();
        var timeline = await resident.Locator(".timeline-passed").AllInnerTextsAsync();
        violations.AddRange(await resident.Check("initiative-answered"));

        thanks.Should().Be("Dank u. We hebben uw bericht ontvangen. U krijgt binnen 5 werkdagen antwoord.");
        queue.Should().HaveCount(2).And.Contain(row => row.StartsWith("Schommel in het park\tBeantwoord inbreng 1", StringComparison.Ordinal));
        hints.Should().BeGreaterThan(0);
        kept.Should().Be("Wij beogen de realisatie van een speelvoorziening aangaande het park.");
        answer.Should().Be("Antwoord van Sanne de Vries: Ja. We kiezen een schommel waar ook een rolstoel in past.\n\nWat er mee gedaan is: overgenomen");
        escalated.Should().Be("Dit initiatief staat op de agenda van Bestuur op Maat.");
        timeline.Should().HaveCount(2);
        timeline[1].Should().Contain("Verkenning").And.Contain("We hebben met u gepraat. Nu zoeken we samen een plek in het park.");
        violations.Should().BeEmpty();
    }
}
