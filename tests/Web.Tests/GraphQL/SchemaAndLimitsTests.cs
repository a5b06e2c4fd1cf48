using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.GraphQL;

public sealed class SchemaAndLimitsTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly GraphQLClient _graphQL = fixture.Host.GraphQL();

    [Fact]
    public async Task The_schema_is_served_as_SDL_with_its_descriptions()
    {
        using var response = await fixture.Host.CreateClient().GetAsync("/graphql/schema.graphql");
        var sdl = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
        sdl.Should().Contain("submitInitiative(\n").And.Contain("input: SubmitInitiativeInput!): SubmitInitiativePayload!")
            .And.Contain("\"The initiative after the change; null when there are errors.\"");
    }

    [Fact]
    public async Task Introspection_works_within_the_limits_and_a_query_deeper_than_the_limit_is_refused_before_it_runs()
    {
        const string introspection = "{ __schema { types { name fields { name args { name type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } }";
        var deep = "{ __schema { queryType { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 14) + " } } } } }";

        var allowed = await _graphQL.Send(introspection);
        var refused = await _graphQL.Send(deep);
        var refusedOverGet = await _graphQL.Get(deep);

        allowed.Status.Should().Be(HttpStatusCode.OK, allowed.Body.ToJsonString());
        allowed.Errors.Should().BeNull();
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.Errors!.Select(e => e!["message"]!.GetValue<string>()).Should().Equal("Query is too nested to execute. Maximum depth is 19 levels; maximum allowed on this endpoint is 15.");
        refused.Data.Should().BeNull();
        refusedOverGet.Status.Should().Be(HttpStatusCode.BadRequest);
    }
}
