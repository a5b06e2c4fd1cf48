using System.Text.Json.Nodes;
using GraphQL;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.GraphApi.Tests;

/// <summary>The schema's resolvers against real grains in a test cluster, without HTTP.</summary>
public sealed class ExecutionTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private Task<JsonNode> Execute(string query, Inputs? variables = null) =>
        SchemaRunner.Execute(hub.Grains, query, TestPeople.Initiator, variables: variables);

    [Fact]
    public async Task A_submission_shows_in_the_neighbourhood_feed_newest_first()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Schalkwijk", null));
        foreach (var title in new[] { "Eerste", "Tweede" })
        {
            var submitted = await Execute(
                "mutation($i: SubmitInitiativeInput!) { submitInitiative(input: $i) { initiative { id } errors { code } } }",
                new Inputs(new Dictionary<string, object?>
                {
                    ["i"] = new Dictionary<string, object?> { ["title"] = title, ["neighbourhoodCode"] = code, ["theme"] = "SPORT" },
                }));
            submitted["data"]!["submitInitiative"]!["errors"]!.ToJsonString().Should().Be("[]");
            // The feed follows the initiative's own write a moment later.
            await hub.Grains.Delivered(Guid.Parse(submitted["data"]!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>()));
        }

        var result = await Execute($"{{ neighbourhood(code: \"{code}\") {{ name district feed(first: 1) {{ totalCount pageInfo {{ hasNextPage endCursor }} items {{ sequence kind title }} }} }} }}");
        var cursor = result["data"]!["neighbourhood"]!["feed"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var older = await Execute($"{{ neighbourhood(code: \"{code}\") {{ feed(first: 5, after: \"{cursor}\") {{ totalCount pageInfo {{ hasNextPage hasPreviousPage }} items {{ sequence title }} }} }} }}");

        JsonNode.DeepEquals(result, JsonNode.Parse("""
            { "data": { "neighbourhood": { "name": "Testbuurt", "district": "Schalkwijk", "feed": {
              "totalCount": 2, "pageInfo": { "hasNextPage": true, "endCursor": "Zjoy" },
              "items": [ { "sequence": 2, "kind": "INITIATIVE_SUBMITTED", "title": "Tweede" } ] } } } }
            """)).Should().BeTrue(result.ToJsonString());
        JsonNode.DeepEquals(older, JsonNode.Parse("""
            { "data": { "neighbourhood": { "feed": {
              "totalCount": 2, "pageInfo": { "hasNextPage": false, "hasPreviousPage": true },
              "items": [ { "sequence": 1, "title": "Eerste" } ] } } } }
            """)).Should().BeTrue(older.ToJsonString());
    }
}
