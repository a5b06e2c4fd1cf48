using System.Net;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.GraphQL;

/// <summary>Requests that cannot run get a 4xx with a GraphQL error, never a 500.</summary>
public sealed class GraphQLOverHttpTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly GraphQLClient _graphQL = fixture.Host.GraphQL();

    private static IEnumerable<string?> Codes(GraphQLResponse response) =>
        response.Errors!.Select(e => e!["extensions"]!["code"]!.GetValue<string>());

    [Fact]
    public async Task A_syntax_error_is_400_with_a_GraphQL_error()
    {
        var response = await _graphQL.Send("{ neighbourhoods { code ");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        Codes(response).Should().Equal("SYNTAX_ERROR");
        response.Data.Should().BeNull();
    }

    [Fact]
    public async Task An_unknown_field_is_400_with_a_validation_error()
    {
        var response = await _graphQL.Send("{ neighbourhoods { colour } }");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("Cannot query field 'colour' on type 'Neighbourhood'.");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400()
    {
        var response = await _graphQL.SendRaw("{ \"query\": ");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        Codes(response).Should().Equal("INVALID_REQUEST");
    }

    [Fact]
    public async Task A_request_without_a_query_is_400()
    {
        var response = await _graphQL.SendRaw("{}");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        Codes(response).Should().Equal("QUERY_MISSING");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_content_is_415()
    {
        var response = await _graphQL.SendRaw("{ neighbourhoods { code } }", "text/plain");

        response.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        Codes(response).Should().Equal("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_query_can_be_sent_with_GET()
    {
        var response = await _graphQL.Get("{ neighbourhood(code: \"vijfhoek\") { name district } }");

        response.Status.Should().Be(HttpStatusCode.OK);
        JsonNode.DeepEquals(response.Body, JsonNode.Parse("""{ "data": { "neighbourhood": { "name": "Vijfhoek", "district": "Centrum" } } }"""))
            .Should().BeTrue(response.Body.ToJsonString());
    }

    [Fact]
    public async Task A_mutation_sent_with_GET_is_405_and_changes_nothing()
    {
        var response = await _graphQL.Get("mutation { submitInitiative(input: { title: \"Via GET\", neighbourhoodCode: \"vijfhoek\", theme: PLAY }) { errors { code } } }");

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("A mutation must be sent with POST; GET only runs queries.");
        var feed = await _graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed { sequence } } }");
        feed.Data!["neighbourhood"]!["feed"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_size_over_100_is_an_error_naming_the_argument()
    {
        var response = await _graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed(first: 101) { sequence } } }");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("The argument 'first' must be between 0 and 100; it was 101.");
    }
}
