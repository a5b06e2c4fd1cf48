using System.Net;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.GraphQL;

public sealed class PlainLanguageQueryTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private const string Check = "query($text: String!) { checkPlainLanguage(text: $text) { score plain sentences words hints { kind message excerpt suggestion } } }";

    [Fact]
    public async Task A_text_with_officialese_gets_its_hints_through_the_API()
    {
        var response = await fixture.Host.GraphQL().Send(Check, new { text = "Indien u vragen heeft, bel ons." });

        JsonNode.DeepEquals(response.Data, JsonNode.Parse("""
            { "checkPlainLanguage": { "score": 95, "plain": false, "sentences": 1, "words": 6, "hints": [
              { "kind": "OFFICIALESE", "message": "Schrijf liever 'als' dan 'indien'.", "excerpt": "Indien", "suggestion": "als" } ] } }
            """)).Should().BeTrue(response.Body.ToJsonString());
    }

    [Fact]
    public async Task A_plain_text_is_plain()
    {
        var response = await fixture.Host.GraphQL().Send(Check, new { text = "We planten samen bomen in de straat." });

        JsonNode.DeepEquals(response.Data, JsonNode.Parse("""
            { "checkPlainLanguage": { "score": 100, "plain": true, "sentences": 1, "words": 7, "hints": [] } }
            """)).Should().BeTrue(response.Body.ToJsonString());
    }

    [Fact]
    public async Task A_text_over_10000_characters_is_refused_naming_the_argument()
    {
        var response = await fixture.Host.GraphQL().Send(Check, new { text = new string('a', 10_001) });

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("The argument 'text' can be at most 10000 characters; it has 10001.");
    }
}
