using System.Text;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests;

/// <summary>State stored in an older shape is migrated when its grain activates, losing nothing.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_neighbourhood_feed_stored_as_schema_version_1_is_read_and_continued()
    {
        var database = _folder.File("hub.db");
        SqliteSchema.Apply(database);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        // Exactly what version 1 wrote: the newest items in one list, enums as numbers.
        var version1 = $$"""
            {"SchemaVersion":1,"Info":{"Code":"vijfhoek","Name":"Vijfhoek","District":"Centrum","CbsCode":null},"LastSequence":2,"Feed":[
              {"NeighbourhoodCode":"vijfhoek","Sequence":1,"Kind":0,"InitiativeId":"{{first}}","Title":"Bankje","Text":"Er is een nieuw initiatief ingediend in uw buurt.","OccurredAt":"2026-02-01T10:00:00+00:00","EventId":"{{first:N}}:submitted","Link":"/initiatives/{{first}}"},
              {"NeighbourhoodCode":"vijfhoek","Sequence":2,"Kind":0,"InitiativeId":"{{second}}","Title":"Moestuin","Text":"Er is een nieuw initiatief ingediend in uw buurt.","OccurredAt":"2026-02-02T10:00:00+00:00","EventId":"{{second:N}}:submitted","Link":"/initiatives/{{second}}"}]}
            """;
        await using (var connection = new SqliteConnection(SqliteSchema.ConnectionString(database)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
                VALUES ('haarlem-initiatives', 'neighbourhood', 0, 0, 'vijfhoek', 0, 0, $payload, '2026-02-02T10:00:00Z', 1)
                """;
            command.Parameters.AddWithValue("$payload", Encoding.UTF8.GetBytes(version1));
            await command.ExecuteNonQueryAsync();
        }

        await using var host = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start));
        var graphQL = await host.GraphQL().SignIn(TestPeople.Initiator);
        var submitted = await graphQL.Send(
            "mutation { submitInitiative(input: { title: \"Zitbank\", neighbourhoodCode: \"vijfhoek\", theme: SOCIAL }) { initiative { id } } }");
        var third = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        await host.Delivered(third);
        var feed = await graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed { items { sequence title initiativeId } } } }");

        JsonNode.DeepEquals(feed.Data, JsonNode.Parse($$"""
            { "neighbourhood": { "feed": { "items": [
              { "sequence": 3, "title": "Zitbank", "initiativeId": "{{third}}" },
              { "sequence": 2, "title": "Moestuin", "initiativeId": "{{second}}" },
              { "sequence": 1, "title": "Bankje", "initiativeId": "{{first}}" } ] } } }
            """)).Should().BeTrue(feed.Body.ToJsonString());
    }
}
