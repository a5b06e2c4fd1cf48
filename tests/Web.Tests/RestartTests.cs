using System.Text.Json.Nodes;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests;

public sealed class RestartTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private const string Submit = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { code } } }";
    private const string Read = "query($id: ID!) { initiative(id: $id) { id title summary theme status { code } neighbourhood { code } submittedAt } neighbourhood(code: \"parkwijk\") { feed { items { sequence title initiativeId } } } }";

    private async Task<Dictionary<string, string>> Settings(string provider) => provider == "Sqlite"
        ? HubSettings.Sqlite(_folder.File("hub.db"))
        : HubSettings.PostgreSql(await postgres.CreateDatabase(), $"restart-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task After_a_restart_on_the_same_database_the_initiative_and_its_feed_item_are_there_and_numbering_continues(string provider)
    {
        var settings = await Settings(provider);
        string firstId;
        await using (var before = new HubHost(settings, new FakeTimeProvider(HubHost.Start)))
        {
            var submitted = await (await before.GraphQL().SignIn(TestPeople.Initiator)).Send(Submit, new { input = new { title = "Buurtbankje", summary = "Een bank bij de speeltuin.", neighbourhoodCode = "parkwijk", theme = "SOCIAL" } });
            firstId = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
            await before.Delivered(firstId);
        }

        await using var after = new HubHost(settings, new FakeTimeProvider(HubHost.Start.AddDays(1)));
        var readBack = await after.GraphQL().Send(Read, new { id = firstId });
        var next = await (await after.GraphQL().SignIn(TestPeople.Initiator)).Send(Submit, new { input = new { title = "Boomspiegels", neighbourhoodCode = "parkwijk", theme = "GREEN" } });
        var secondId = next.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        await after.Delivered(secondId);
        var feed = await after.GraphQL().Send(Read, new { id = firstId });

        JsonNode.DeepEquals(readBack.Data, JsonNode.Parse($$"""
            {
              "initiative": { "id": "{{firstId}}", "title": "Buurtbankje", "summary": "Een bank bij de speeltuin.", "theme": "SOCIAL",
                              "status": { "code": "SUBMITTED" }, "neighbourhood": { "code": "parkwijk" }, "submittedAt": "2026-03-02T08:00:00+00:00" },
              "neighbourhood": { "feed": { "items": [ { "sequence": 1, "title": "Buurtbankje", "initiativeId": "{{firstId}}" } ] } }
            }
            """)).Should().BeTrue(readBack.Body.ToJsonString());
        JsonNode.DeepEquals(feed.Data!["neighbourhood"], JsonNode.Parse($$"""
            { "feed": { "items": [ { "sequence": 2, "title": "Boomspiegels", "initiativeId": "{{secondId}}" },
                        { "sequence": 1, "title": "Buurtbankje", "initiativeId": "{{firstId}}" } ] } }
            """)).Should().BeTrue(feed.Body.ToJsonString());
    }
}
