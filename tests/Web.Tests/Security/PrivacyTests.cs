using System.Net;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>A person downloads their data and deletes their account, through the pages, as they would.</summary>
public sealed class PrivacyTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    [Fact]
    public async Task A_person_downloads_their_data_then_deletes_the_account_and_their_input_stays_without_their_name()
    {
        var browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAs("initiator", "rozenprieel");
        using var submitted = await browser.SendInitiative(new Dictionary<string, string>
        {
            ["Title"] = "Rommelmarkt", ["Summary"] = "Een markt op het plein.", ["Theme"] = "Social", ["buurt"] = "rozenprieel",
            ["ContactEmail"] = "ilse@example.nl", ["ContactPhone"] = "06 1234 5678",
        });
        var id = submitted.SentInitiativeId();
        await fixture.Host.Delivered(id);
        var coordinator = await fixture.Host.GraphQL().SignIn(MatrixPeople.Get("coordinator"));
        using var home = await browser.PostForm("/gegevens/meldingen", new Dictionary<string, string> { ["HomeLatitude"] = "52.38", ["HomeLongitude"] = "4.64", ["HomeRadius"] = "500" }, "/gegevens/meldingen?handler=Home");
        var homes = Grains.Geo.Homes.Get(fixture.Host.Services.GetRequiredService<IGrainFactory>());

        using var download = await browser.GetAsync("/gegevens?handler=data");
        var data = JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        using var deleted = await browser.PostForm("/gegevens", new Dictionary<string, string> { ["confirm"] = "true" }, "/gegevens?handler=delete");
        var afterwards = await coordinator.Send("query($id: ID!) { initiative(id: $id) { title initiator { name } } }", new { id });
        using var signedOut = await browser.GetAsync("/gegevens");
        var homeAfterwards = await homes.Get("dev-initiator");

        download.Content.Headers.ContentDisposition!.FileName.Should().Be("mijn-gegevens-haarlem-initiatieven.json");
        data["userId"]!.GetValue<string>().Should().Be("dev-initiator");
        data["neighbourhoodCode"]!.GetValue<string>().Should().Be("rozenprieel");
        JsonNode.DeepEquals(data["initiatives"]![0]!["asInitiator"], JsonNode.Parse("""
            { "userId": "dev-initiator", "name": "Ilse de Boer", "email": "ilse@example.nl", "phone": "06 1234 5678", "assistedBy": null, "channel": "WEB" }
            """)).Should().BeTrue(data.ToJsonString());
        data["home"]!.ToJsonString().Should().Be("""{"point":{"latitude":52.38,"longitude":4.64},"radiusMetres":500}""");
        homeAfterwards.Should().BeNull();
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        deleted.Headers.Location!.ToString().Should().Be("/?account=verwijderd");
        afterwards.Data!.ToJsonString().Should().Be("""{"initiative":{"title":"Rommelmarkt","initiator":null}}""");
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().Should().Be("http://localhost/auth/signin?ReturnUrl=%2Fgegevens");
    }

    [Fact]
    public async Task Deleting_without_the_confirmation_box_explains_it_and_deletes_nothing()
    {
        var browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAs("resident");

        using var response = await browser.PostForm("/gegevens", [], "/gegevens?handler=delete");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<a href=\"#confirm\">Zet een vinkje bij &#x27;Ja, verwijder mijn account&#x27; als u uw account echt wilt verwijderen.</a>");
        (await browser.GetAsync("/gegevens")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
