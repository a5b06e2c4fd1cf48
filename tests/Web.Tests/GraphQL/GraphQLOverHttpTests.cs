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
        var feed = await _graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed { items { sequence } } } }");
        feed.Data!["neighbourhood"]!["feed"]!["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_size_over_100_is_an_error_naming_the_argument()
    {
        var response = await _graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed(first: 101) { items { sequence } } } }");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("The argument 'first' must be between 0 and 100; it was 101.");
    }

    [Fact]
    public async Task A_client_that_accepts_only_application_json_gets_200_with_the_validation_error()
    {
        var legacy = new GraphQLClient(fixture.Host.CreateClient()) { Accept = "application/json" };
        var none = new GraphQLClient(fixture.Host.CreateClient()) { Accept = null };

        var response = await legacy.Send("{ neighbourhoods { colour } }");
        var withoutAccept = await none.Send("{ neighbourhoods { colour } }");
        using var modern = await fixture.Host.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ neighbourhoods { colour } }" }),
            Headers = { { "Accept", "application/graphql-response+json" } },
        });

        (response.Status, withoutAccept.Status, modern.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest));
        modern.Content.Headers.ContentType!.MediaType.Should().Be("application/graphql-response+json");
        response.Errors!.Select(e => e!["message"]!.GetValue<string>()).Should().Equal("Cannot query field 'colour' on type 'Neighbourhood'.");
    }

    [Fact]
    public async Task More_than_30_aliases_or_a_document_over_16_KiB_is_refused_before_it_runs()
    {
        var aliases = await _graphQL.Send("{ " + string.Concat(Enumerable.Range(1, 31).Select(i => $"a{i}: neighbourhoods {{ code }} ")) + "}");
        var thirty = await _graphQL.Send("{ " + string.Concat(Enumerable.Range(1, 30).Select(i => $"a{i}: neighbourhood(code: \"vijfhoek\") {{ code }} ")) + "}");
        var large = await _graphQL.Send("{ neighbourhoods { code } }" + new string(' ', 16_384));

        (aliases.Status, thirty.Status, large.Status).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.BadRequest));
        Codes(aliases).Should().Equal("TOO_MANY_ALIASES");
        aliases.Data.Should().BeNull();
        Codes(large).Should().Equal("DOCUMENT_TOO_LARGE");
        large.Errors![0]!["message"]!.GetValue<string>().Should().Be("The document has 16411 characters; at most 16384 are allowed.");
    }

    [Fact]
    public async Task A_field_the_callers_roles_never_allow_is_refused_by_the_validation_rule_before_anything_runs()
    {
        var anonymous = await _graphQL.Send("{ neighbourhoods { code } overview { submitted } }");
        var resident = await fixture.Host.GraphQL().SignIn(new Haarlem.Initiatives.Grains.Access.Actor("rule-resident", "Bewoner", new HashSet<Haarlem.Initiatives.Grains.Access.HubRole> { Haarlem.Initiatives.Grains.Access.HubRole.Resident }));
        var refused = await resident.Send("{ auditTrail(day: \"2026-03-02\") { action } }");

        (anonymous.Status, refused.Status).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        anonymous.Data.Should().BeNull();
        anonymous.Errors!.Select(e => (e!["extensions"]!["code"]!.GetValue<string>(), e["message"]!.GetValue<string>())).Should().Equal(
            ("UNAUTHENTICATED", "overview: Sign in first. Only coordinators, council members and admins can read overviews."));
        refused.Errors!.Select(e => (e!["extensions"]!["code"]!.GetValue<string>(), e["message"]!.GetValue<string>())).Should().Equal(
            ("FORBIDDEN", "auditTrail: Only admins can read the audit trail."));
    }
}
