using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

/// <summary>The pages live at Dutch addresses; every English address used before redirects there for good, query string and all.</summary>
public sealed class AddressTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/neighbourhoods/vijfhoek", "/buurten/vijfhoek")]
    [InlineData("/neighbourhoods/vijfhoek?x=1&y=%C3%A9", "/buurten/vijfhoek?x=1&y=%C3%A9")]
    [InlineData("/initiatives/0b458a33-5141-4093-8577-a30837776c57", "/initiatieven/0b458a33-5141-4093-8577-a30837776c57")]
    [InlineData("/initiatives/0b458a33-5141-4093-8577-a30837776c57?gegeven=true", "/initiatieven/0b458a33-5141-4093-8577-a30837776c57?gegeven=true")]
    [InlineData("/account", "/gegevens")]
    [InlineData("/account?handler=data", "/gegevens?handler=data")]
    [InlineData("/account/notifications", "/gegevens/meldingen")]
    [InlineData("/notifications/unsubscribe?u=dev-resident&k=Following&s=0123", "/meldingen/afmelden?u=dev-resident&k=Following&s=0123")]
    [InlineData("/Neighbourhoods/parkwijk", "/buurten/parkwijk")]
    public async Task An_old_English_address_redirects_permanently_to_its_Dutch_one_with_the_query_string(string old, string dutch)
    {
        using var response = await _browser.GetAsync(old);

        (response.StatusCode, response.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.MovedPermanently, dutch));
    }

    [Fact]
    public async Task The_Dutch_addresses_are_served_where_they_are()
    {
        using var neighbourhood = await _browser.GetAsync("/buurten/vijfhoek");
        using var notices = await _browser.GetAsync("/gegevens/meldingen");

        neighbourhood.StatusCode.Should().Be(HttpStatusCode.OK);
        (notices.StatusCode, notices.Headers.Location?.AbsolutePath).Should().Be((HttpStatusCode.Redirect, "/auth/signin"));
    }

    [Fact]
    public async Task A_path_that_only_starts_like_an_old_one_is_not_redirected()
    {
        using var response = await _browser.GetAsync("/accounting");

        (response.StatusCode, response.Headers.Location).Should().Be((HttpStatusCode.NotFound, null));
    }

    [Fact]
    public async Task A_one_click_unsubscribe_posted_to_the_old_address_is_served_there_without_a_redirect()
    {
        using var response = await _browser.PostAsync("/notifications/unsubscribe?u=dev-resident&k=Following&s=0123456789abcdef0123456789abcdef",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        // The signature is wrong, so the page refuses: it is the unsubscribe page that answered, at the old address.
        (response.StatusCode, await response.Content.ReadAsStringAsync()).Should().Be(
            (HttpStatusCode.BadRequest, "Deze link klopt niet. Er is niets veranderd. Kies uw berichten op de site bij Mijn gegevens."));
    }
}
