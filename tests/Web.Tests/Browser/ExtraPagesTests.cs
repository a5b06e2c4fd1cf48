using Haarlem.Initiatives.Grains.Notifications;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>The pages outside the main journeys: GraphiQL, the one-click unsubscribe page and the development sign-in, with axe and in both languages.</summary>
public sealed class ExtraPagesTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    [Fact]
    public async Task GraphiQL_the_unsubscribe_page_and_the_development_sign_in_pass_axe_and_the_sign_in_speaks_English_too()
    {
        var page = await hub.NewPage();
        var violations = new List<string>();

        await page.GotoAsync("/graphql/ui");
        await page.WaitForSelectorAsync(".graphiql-container");
        violations.AddRange((await page.Check("graphiql")).Select(v => "graphiql " + v));

        var links = hub.Host.Services.GetRequiredService<NoticeLinks>();
        await page.GotoAsync(new Uri(links.Unsubscribe("dev-resident", NoticeKind.Following)).PathAndQuery);
        var question = await page.Locator("h1").TextContentAsync();
        violations.AddRange((await page.Check("unsubscribe")).Select(v => "unsubscribe " + v));
        await page.ClickAsync("main form button");
        var done = await page.Locator("h1").TextContentAsync();
        violations.AddRange((await page.Check("unsubscribe-done")).Select(v => "unsubscribe-done " + v));

        await page.GotoAsync("/auth/dev");
        await page.ClickAsync("text=English");
        var heading = await page.Locator("h1").TextContentAsync();
        var resident = await page.Locator("label[for=persona-resident]").TextContentAsync();
        await page.ClickAsync("main form button[type=submit]");
        var error = await page.Locator(".error-summary").TextContentAsync();
        violations.AddRange((await page.Check("dev-sign-in-en")).Select(v => "dev " + v));

        (question, done).Should().Be(("Geen e-mails meer hierover?", "U krijgt hierover geen e-mails meer"));
        (heading, resident, error!.Trim()).Should().Be(("Sign in in development mode", "Resident of a neighbourhood you choose: Bas Bewoner", "Choose a role."));
        violations.Should().BeEmpty();
    }
}
