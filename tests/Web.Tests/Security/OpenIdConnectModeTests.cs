using System.Net;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>Outside Development mode the development sign-in does not exist, and the page offers the two providers.</summary>
public sealed class OpenIdConnectModeTests : ConfiguredHub
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Auth:Mode"] = "OpenIdConnect";
        settings["Auth:SigningKey"] = "a-test-signing-key-of-at-least-32-characters";
        settings["Notifications:LinkSecret"] = "a-test-secret-for-the-links-in-emails";
        settings["Auth:Residents:Authority"] = "https://digid-broker.example/";
        settings["Auth:Residents:ClientId"] = "haarlem-initiatives";
        settings["Auth:Officials:Authority"] = "https://login.haarlem.example/";
        settings["Auth:Officials:ClientId"] = "haarlem-initiatives";
    }

    [Theory]
    [InlineData("GET", "/auth/dev")]
    [InlineData("POST", "/auth/dev")]
    [InlineData("POST", "/auth/dev/token")]
    public async Task The_development_sign_in_does_not_exist(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { userId = "x", name = "x", roles = new[] { "admin" } }) };
        using var response = await Host.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sign_in_page_offers_DigiD_and_the_municipal_sign_in_and_no_development_notice()
    {
        var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await browser.GetStringAsync("/auth/signin?returnUrl=%2Fbuurten%2Fvijfhoek");

        page.Should().Contain("<a class=\"button\" href=\"/auth/signin/residents?returnUrl=%2Fbuurten%2Fvijfhoek\">Inloggen met DigiD (voor inwoners)</a>")
            .And.Contain("<a class=\"button\" href=\"/auth/signin/officials?returnUrl=%2Fbuurten%2Fvijfhoek\">Inloggen als medewerker van de gemeente</a>")
            .And.NotContain("Ontwikkelmodus");
    }

    [Fact]
    public async Task A_token_signed_with_the_configured_key_is_accepted_and_one_signed_with_another_is_not()
    {
        var settings = new Identity.AuthSettings { Mode = Identity.AuthMode.OpenIdConnect, SigningKey = "a-test-signing-key-of-at-least-32-characters" };
        var (good, _) = Identity.HubAuthentication.IssueToken(settings, TestPeople.Initiator, DateTimeOffset.UtcNow);
        var (bad, _) = Identity.HubAuthentication.IssueToken(settings with { SigningKey = "another-key-that-is-also-long-enough-to-use" }, TestPeople.Initiator, DateTimeOffset.UtcNow);

        var accepted = await Me(good);
        var refused = await Me(bad);

        accepted.Should().Be("""{"me":{"userId":"initiator-1","roles":["RESIDENT"]}}""");
        refused.Should().Be("""{"me":null}""");
    }

    private async Task<string> Me(string token)
    {
        var client = Host.GraphQL();
        client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (await client.Send("{ me { userId roles } }")).Data!.ToJsonString();
    }
}
