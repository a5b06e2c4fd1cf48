using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>
/// The desk's pages (finding and registering residents, acting for them, the post and the calls)
/// open to desk staff and admins only: everyone else signed in is shown the refusal page, an
/// anonymous visitor is sent to sign in, and a form posted by someone else changes nothing.
/// </summary>
public sealed partial class DeskAccessTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private static readonly string[] Pages = ["/balie", "/balie/registreren", "/balie/bewoner", "/balie/post", "/balie/bellen"];

    public static TheoryData<string> Personas() => ["anonymous", "resident", "initiator", "official", "coordinator", "council", "admin", "desk"];

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task The_desk_pages_open_to_desk_staff_and_admins_only(string persona)
    {
        var browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (persona != "anonymous")
        {
            await browser.SignInAs(persona);
        }

        var answers = new List<string>();
        foreach (var page in Pages)
        {
            using var response = await browser.GetAsync(page);
            answers.Add($"{page} {(int)response.StatusCode} {response.Headers.Location}");
        }

        answers.Should().Equal(Pages.Select(page => persona switch
        {
            "desk" or "admin" => $"{page} 200 ",
            "anonymous" => $"{page} 302 http://localhost/auth/signin?ReturnUrl={Uri.EscapeDataString(page)}",
            _ => $"{page} 302 http://localhost/auth/denied?ReturnUrl={Uri.EscapeDataString(page)}",
        }));
    }

    [Fact]
    public async Task A_resident_cannot_register_someone_at_the_desk_or_print_the_post()
    {
        var browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAs("resident");

        using var register = await browser.PostAsync("/balie/registreren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Channel"] = "Counter", ["Name"] = "Niet Toegestaan", ["Street"] = "Grote Markt", ["HouseNumber"] = "2",
            ["Postcode"] = "2011 RD", ["Town"] = "Haarlem", ["Consent"] = "true",
        }));
        using var pdf = await browser.GetAsync("/balie/post?handler=Pdf&runId=1");
        var desk = fixture.Host.CreateClient();
        await desk.SignInAs("desk");
        var found = await desk.GetStringAsync("/balie?naam=Toegestaan");

        register.Headers.Location!.ToString().Should().Be("http://localhost/auth/denied?ReturnUrl=%2Fbalie%2Fregistreren");
        pdf.Headers.Location!.ToString().Should().Be("http://localhost/auth/denied?ReturnUrl=%2Fbalie%2Fpost%3Fhandler%3DPdf%26runId%3D1");
        found.Should().Contain("Geen inwoner gevonden.");
    }

    [Fact]
    public async Task A_form_for_another_resident_than_the_one_chosen_is_refused_and_changes_nothing()
    {
        var desk = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await desk.SignInAs("desk");
        async Task<string> Register(string name)
        {
            using var registered = await desk.PostForm("/balie/registreren", new Dictionary<string, string>
            {
                ["Channel"] = "Counter", ["Name"] = name, ["Street"] = "Grote Markt", ["HouseNumber"] = "2",
                ["Postcode"] = "2011 RD", ["Town"] = "Haarlem", ["Consent"] = "true", ["Language"] = "nl",
            });
            registered.Headers.Location!.ToString().Should().Be("/balie/bewoner?gelukt=geregistreerd");
            return ResidentIdPattern().Match(await desk.GetStringAsync("/balie/bewoner")).Groups[1].Value;
        }

        var first = await Register("Anna Eerste");
        var second = await Register("Bert Tweede"); // now the chosen one

        using var refused = await desk.PostForm("/balie/bewoner", new Dictionary<string, string>
        {
            ["ResidentId"] = first, ["Channel"] = "Counter", ["Title"] = "Bankje", ["Summary"] = "Een bankje.",
            ["Theme"] = "Green", ["NeighbourhoodCode"] = "vijfhoek",
        }, "/balie/bewoner?handler=Submit");
        var page = await refused.Content.ReadAsStringAsync();
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();

        first.Should().StartWith("balie-").And.NotBe(second);
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        page.Should().Contain("<li>Kies eerst de inwoner voor wie u dit doet. Dit formulier was voor een andere inwoner, of u heeft niemand gekozen.</li>");
        (await grains.GetGrain<Grains.People.IPersonGrain>(first).GetInitiatives()).Should().BeEmpty();
        (await grains.GetGrain<Grains.People.IPersonGrain>(second).GetInitiatives()).Should().BeEmpty();
    }

    [Fact]
    public async Task Registering_without_a_house_number_and_postcode_asks_for_them_in_plain_Dutch_and_registers_no_one()
    {
        var desk = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await desk.SignInAs("desk");

        using var refused = await desk.PostForm("/balie/registreren", new Dictionary<string, string>
        {
            ["Channel"] = "Counter", ["Name"] = "Zonder Adres", ["Street"] = "Grote Markt", ["HouseNumber"] = " ",
            ["Postcode"] = "", ["Town"] = "Haarlem", ["Consent"] = "true", ["Language"] = "nl",
        });
        var page = await refused.Content.ReadAsStringAsync();
        var found = await desk.GetStringAsync("/balie?naam=Zonder+Adres");

        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        page.Should().Contain("<li>Vul het huisnummer in.</li>")
            .And.Contain("<p class=\"utrecht-form-field-error-message\" id=\"houseNumber-error\">Vul het huisnummer in.</p>")
            .And.Contain("<li>Vul de postcode in.</li>")
            .And.Contain("<p class=\"utrecht-form-field-error-message\" id=\"postcode-error\">Vul de postcode in.</p>")
            .And.NotContain("klopt niet");
        found.Should().Contain("Geen inwoner gevonden.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"ResidentId\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ResidentIdPattern();
}
