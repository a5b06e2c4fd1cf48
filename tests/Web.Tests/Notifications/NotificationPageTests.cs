using System.Net;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Notifications;

public sealed class NotificationPageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    [Fact]
    public async Task A_wrong_address_is_named_in_Dutch_and_the_earlier_choices_stay()
    {
        var browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAs("official");
        var page = await browser.GetStringAsync("/gegevens/meldingen");

        using var response = await browser.PostForm("/gegevens/meldingen", new Dictionary<string, string>
        {
            ["Email"] = "sanne at haarlem", ["Language"] = "nl", ["DigestHour"] = "8", ["DigestDay"] = "Monday",
        });
        var after = await browser.GetStringAsync("/gegevens/meldingen");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<li><a href=\"#email\">Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.</a></li>");
        page.Should().Contain("<select id=\"channel-Work\" name=\"Channels[Work]\">\n                    <option value=\"Site\">Alleen op de site</option>\n                    <option value=\"EmailNow\" selected=\"selected\">Meteen een e-mail</option>");
        after.Should().Contain("<input id=\"email\" name=\"Email\" type=\"email\" maxlength=\"254\"");
    }

    [Fact]
    public async Task An_unsubscribe_link_that_was_made_up_changes_nothing()
    {
        using var response = await fixture.Host.CreateClient().GetAsync("/meldingen/afmelden?u=dev-resident&k=Following&s=0123456789abcdef0123456789abcdef");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("Deze link klopt niet. Er is niets veranderd. Kies uw berichten op de site bij Mijn gegevens.");
    }

    [Fact]
    public async Task Notices_show_on_the_account_page_newest_first()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var initiator = new Actor("page-initiator", "Ilse", new HashSet<HubRole> { HubRole.Resident });
        var grain = grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        await grain.Submit(new SubmitInitiative("Zitbanken", "", "parkwijk", Theme.Social), initiator);
        await grain.AssignContactOfficial(new ContactOfficial("official:page", "Sanne de Vries", "Wijkregisseur", "Noord", "s@haarlem.nl", null), "Kees", null);
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.DeliverOutbox();
        var browser = fixture.Host.CreateClient();
        await browser.SignInAs("initiator");
        var empty = await browser.GetStringAsync("/gegevens");
        var cookieless = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var token = await fixture.Host.Token(initiator);
        cookieless.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var page = await cookieless.GetStringAsync("/gegevens");

        empty.Should().Contain("U heeft nog geen berichten.");
        var first = page.IndexOf("<p>Verkenning: We hebben met u gepraat.</p>", StringComparison.Ordinal);
        var second = page.IndexOf("<p>De contactpersoon is nu Sanne de Vries (Wijkregisseur, Noord).</p>", StringComparison.Ordinal);
        first.Should().BePositive();
        second.Should().BeGreaterThan(first);
    }
}
