namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>The council's dashboard in a real browser: tables with the figures, a chart drawn from each table, the filter, and who may see it.</summary>
public sealed class CouncilDashboardTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    [Fact]
    public async Task A_council_member_filters_by_district_and_period_and_sees_tables_with_charts_beside_them()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "council");
        await page.GotoAsync("/raad");
        await page.SelectOptionAsync("#stadsdeel", "Zuid-West");
        await page.FillAsync("#van", "2026-01");
        await page.FillAsync("#tot", "2026-03");
        await page.ClickAsync("text=Cijfers tonen");
        await page.WaitForURLAsync("**/raad?stadsdeel=Zuid-West&van=2026-01&tot=2026-03");
        var period = await page.Locator("main [role=status]").TextContentAsync();
        var submitted = await page.Locator("#kerncijfers + table tr:first-child td, section[aria-labelledby=kerncijfers] tr:first-child td").First.TextContentAsync();
        var charts = await page.Locator("canvas.chart").CountAsync();
        var drawn = await page.EvaluateAsync<bool>("Array.from(document.querySelectorAll('canvas.chart')).every(c => c.width > 0 && window.Chart && Chart.getChart(c) !== undefined)");
        var violations = new List<string>(await page.Check("council-filtered"));

        await page.FillAsync("#van", "2026-05");
        await page.FillAsync("#tot", "2026-03");
        await page.ClickAsync("text=Cijfers tonen");
        await page.WaitForSelectorAsync("#tot-error");
        var error = await page.Locator("#tot-error").TextContentAsync();
        violations.AddRange(await page.Check("council-filter-error"));

        period.Should().Be("Cijfers van 1 januari 2026 tot en met 31 maart 2026, Zuid-West.");
        submitted.Should().Be("0");
        (charts, drawn).Should().Be((2, true));
        error.Should().Be("De maand 'tot en met' mag niet vóór de maand 'van' liggen.");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_resident_is_refused_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var anonymous = await hub.NewPage();
        await anonymous.GotoAsync("/raad");
        var resident = await hub.NewPage();
        await PageChecks.SignIn(resident, "resident");
        var refused = await resident.GotoAsync("/raad");

        var violations = new List<string>(await anonymous.Check("auth-dev"));
        violations.AddRange(await resident.Check("auth-denied"));

        // The embedded default signs in with development personas.
        new Uri(anonymous.Url).PathAndQuery.Should().Be("/auth/dev?returnUrl=%2Fraad");
        new Uri(resident.Url).AbsolutePath.Should().Be("/auth/denied");
        refused!.Status.Should().Be(403);
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_account_and_notice_pages_pass_axe_in_Dutch_and_English()
    {
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "resident");
        var violations = new List<string>();
        await page.GotoAsync("/gegevens");
        violations.AddRange(await page.Check("account"));
        await page.GotoAsync("/gegevens/meldingen");
        violations.AddRange(await page.Check("account-notifications"));
        await page.ClickAsync("text=English");
        var heading = await page.Locator("h1").TextContentAsync();
        var day = await page.Locator("#digestDay option[value=Monday]").TextContentAsync();
        violations.AddRange(await page.Check("account-notifications-en"));
        await page.GotoAsync("/mijn");
        violations.AddRange(await page.Check("mine-empty-en"));

        (heading, day).Should().Be(("Which notices do you want to get?", "Monday"));
        violations.Should().BeEmpty();
    }
}
