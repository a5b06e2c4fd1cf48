using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Playwright;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// A new resident's first look: the home page with what happens now, live; an initiative's card;
/// where it stands at a glance; the page printed; the guided start's confirmation with the
/// norms' dates. Axe on every state at 1280 and 320 pixels.
/// </summary>
public sealed class HomeJourneyTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    private DateOnly Today => WorkingDays.DayOf(HubHost.Start);

    private ServiceNorms Norms => hub.Host.Services.GetRequiredService<ServiceNorms>();

    [Fact]
    public async Task A_new_resident_sees_an_initiative_come_in_live_on_the_home_page_and_finds_where_it_stands_through_its_card()
    {
        var resident = await hub.NewPage();
        await resident.GotoAsync("/");
        await Assertions.Expect(resident.Locator("#feed")).ToHaveAttributeAsync("data-live", "true");
        var violations = new List<string>(await resident.Check("home-before"));

        var api = await hub.Host.GraphQL().SignIn(DevPersonas.Find("initiator")!.Actor);
        var submitted = await api.Send(
            "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { message } } }",
            new { input = new { title = "Speeltuin aan de Spaarne", summary = "Een speelplek voor kleine kinderen.", neighbourhoodCode = "spaarndam", theme = "PLAY" } });
        var id = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();

        var news = resident.Locator("#feed li").First;
        await Assertions.Expect(news.Locator("a")).ToHaveTextAsync("Speeltuin aan de Spaarne", new() { Timeout = 15_000 });
        var card = resident.Locator($"#nieuwste-initiatieven [data-initiative='{id}']");
        await Assertions.Expect(card.Locator(".initiative-card__link")).ToHaveTextAsync("Speeltuin aan de Spaarne", new() { Timeout = 15_000 });
        var where = await news.Locator(".feed-item__where").TextContentAsync();
        var staleCount = await resident.Locator("#nieuwste-aantal, #nieuwste-leeg").CountAsync();
        var badges = await card.Locator(".utrecht-status-badge").AllTextContentsAsync();
        var step = await card.Locator(".initiative-card__step").TextContentAsync();
        var support = await card.Locator(".initiative-card__support").TextContentAsync();
        violations.AddRange(await resident.Check("home-live-card"));

        await Task.WhenAll(resident.WaitForURLAsync($"**/initiatieven/{id}"), card.Locator(".initiative-card__link").ClickAsync());
        var glance = await resident.Locator("#stand-tekst").InnerTextAsync();
        var status = await resident.Locator("#status").TextContentAsync();
        var steps = await resident.Locator("#stappen li").AllInnerTextsAsync();
        var current = await resident.Locator("#stappen li[aria-current=step]").InnerTextAsync();
        var completion = await resident.Locator("#verwacht-klaar time").GetAttributeAsync("datetime");
        violations.AddRange(await resident.Check("initiative-at-a-glance"));
        await resident.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = (await resident.Locator(".account-nav").IsVisibleAsync(), await resident.Locator(".print-address").IsVisibleAsync(), await resident.Locator("#stappen").IsVisibleAsync());
        var printedFrom = await resident.Locator(".print-address").TextContentAsync();
        await resident.Screenshot("initiative-print");

        var plan = Norms.Plan(InitiativeStatus.Submitted, Theme.Play, Today, Today);
        var due = DutchDate(plan[0].ExpectedEnd);
        where.Should().StartWith("Spaarndam · ");
        staleCount.Should().Be(0, "what the page said about its cards when it loaded is no longer true");
        badges.Should().Equal("Ingediend", "Op tijd");
        (step, support).Should().Be(($"Ingediend, klaar rond {due}", "0"));
        glance.Should().Be($"Nu: Ingediend, stap 1 van 6. Klaar rond {due}. Op tijd");
        (status, current).Should().Be(("Ingediend", $"Ingediend\nnu bezig, klaar rond {due}"));
        steps.Should().HaveCount(6).And.EndWith($"Afgerond\nverwacht rond {DutchDate(plan[^1].ExpectedEnd)}");
        completion.Should().Be(plan[^1].ExpectedEnd.ToString("yyyy-MM-dd"));
        printed.Should().Be((false, true, true));
        printedFrom.Should().Be($"Geprint van {hub.Host.Services.GetRequiredService<Grains.Notifications.NoticeLinks>().Initiative(Guid.Parse(id))}");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_home_and_initiative_pages_pass_axe_at_320_pixels_without_sideways_scrolling()
    {
        var initiator = await hub.NewPage();
        await PageChecks.SignIn(initiator, "initiator");
        await initiator.GotoAsync("/initiatieven/starten?buurt=ter-kleef");
        await initiator.FillAsync("#title", "Bloembakken op de brug met een heel lange titel die op een smal scherm moet passen");
        await initiator.ClickAsync("#verder");
        await initiator.CheckAsync("#theme");
        await initiator.ClickAsync("#verder");
        await initiator.ClickAsync("#verder");
        await initiator.ClickAsync("#verder");
        await initiator.ClickAsync("#verder");
        await initiator.ClickAsync("#versturen");
        await initiator.WaitForURLAsync("**/bevestiging");
        var id = initiator.Url.Split('/')[^2];

        var narrow = await hub.NewPage(width: 320, height: 640);
        var violations = new List<string>();
        var sideways = new List<string>();
        foreach (var (path, name) in new[] { ("/", "home-320px"), ($"/initiatieven/{id}", "initiative-320px"), ("/buurten/ter-kleef", "neighbourhood-cards-320px") })
        {
            await narrow.GotoAsync(path);
            if (await narrow.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            {
                sideways.Add(path);
            }

            violations.AddRange(await narrow.Check(name));
        }

        await PageChecks.SignIn(narrow, "initiator");
        await narrow.GotoAsync($"/initiatieven/{id}/bevestiging");
        violations.AddRange(await narrow.Check("start-confirmation-320px"));
        await narrow.GotoAsync("/mijn");
        violations.AddRange(await narrow.Check("mine-cards-320px"));
        await narrow.GotoAsync("/initiatieven/starten");
        violations.AddRange(await narrow.Check("start-what-320px"));

        sideways.Should().BeEmpty();
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_confirmation_of_the_guided_start_gives_the_norms_dates_and_who_will_call()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "initiator");
        await page.GotoAsync("/initiatieven/starten");
        await page.FillAsync("#title", "Geveltuinen in de Leidsestraat");
        await page.ClickAsync("#verder");
        await page.CheckAsync("#theme"); // the first theme, Green
        await page.ClickAsync("#verder");
        await page.SelectOptionAsync("#neighbourhood", "leidsebuurt");
        await page.ClickAsync("#verder");
        await page.ClickAsync("#verder");
        await page.FillAsync("#contactPhone", "06 1234 5678");
        await page.ClickAsync("#verder");
        await page.WaitForSelectorAsync("#versturen");
        var violations = new List<string>(await page.Check("start-check"));
        await page.ClickAsync("#antwoorden button[value=edit-waar]");
        await page.SelectOptionAsync("#neighbourhood", "vijfhoek");
        await page.ClickAsync("#verder");
        var back = await page.Locator("#check-neighbourhood").TextContentAsync();
        await page.ClickAsync("#versturen");
        await page.WaitForURLAsync("**/bevestiging");
        var dates = await page.Locator("#volgende-stappen time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        var contact = await page.Locator("#contact").InnerTextAsync();
        var completion = await page.Locator("#verwacht-klaar time").GetAttributeAsync("datetime");
        violations.AddRange(await page.Check("start-confirmation-1280px"));

        var plan = Norms.Plan(InitiativeStatus.Submitted, Theme.Green, Today, Today);
        back.Should().Be("Vijfhoek (Centrum)");
        dates.Should().Equal(plan.Select(p => p.ExpectedEnd.ToString("yyyy-MM-dd")));
        contact.Should().Be($"De gemeente kiest uw vaste contactpersoon, uiterlijk {DutchDate(plan[0].ExpectedEnd)}. Die neemt contact met u op via 06 1234 5678.");
        completion.Should().Be(plan[^1].ExpectedEnd.ToString("yyyy-MM-dd"));
        violations.Should().BeEmpty();
    }

    /// <summary>A day as the Dutch pages write it, whatever the test process's culture.</summary>
    private static string DutchDate(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
