using System.Text;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
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

    /// <summary>Writes a grain state as an older hub left it: one row of <c>OrleansStorage</c> with the JSON given.</summary>
    private static async Task StoreAsOlderHub(string database, string stateName, string key, int version, string json)
    {
        await using var connection = new SqliteConnection(SqliteSchema.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
            VALUES ('haarlem-initiatives', $state, 0, 0, $key, 0, 0, $payload, '2026-02-02T10:00:00Z', $version)
            """;
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$payload", Encoding.UTF8.GetBytes(json));
        await command.ExecuteNonQueryAsync();
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
        await StoreAsOlderHub(database, "neighbourhood", "vijfhoek", 1, version1);

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

    private static string FeedItemJson(string code, long sequence, Guid initiative, string title) =>
        $$"""{"NeighbourhoodCode":"{{code}}","Sequence":{{sequence}},"Kind":1,"InitiativeId":"{{initiative}}","Title":"{{title}}","Text":"Stap {{sequence}}","OccurredAt":"2026-02-01T10:00:00+00:00","EventId":"{{initiative:N}}:{{sequence + 1}}"}""";

    [Fact]
    public async Task A_neighbourhood_feed_stored_as_schema_version_2_with_full_pages_is_moved_into_rows_and_continued()
    {
        var database = _folder.File("hub.db");
        SqliteSchema.Apply(database);
        var older = Guid.NewGuid();
        // What version 2 wrote: a full page of 50 in its own grain, the newest two in the neighbourhood.
        var page = string.Join(",", Enumerable.Range(1, 50).Select(n => FeedItemJson("vijfhoek", n, older, $"Plan {n}")));
        await StoreAsOlderHub(database, "feed-page", "vijfhoek/0", 1, $$"""{"SchemaVersion":1,"Items":[{{page}}]}""");
        var current = string.Join(",", new[] { 51, 52 }.Select(n => FeedItemJson("vijfhoek", n, older, $"Plan {n}")));
        await StoreAsOlderHub(database, "neighbourhood", "vijfhoek", 7, $$"""
            {"SchemaVersion":2,"Info":{"Code":"vijfhoek","Name":"Vijfhoek","District":"Centrum","CbsCode":null},"LastSequence":52,
             "CurrentPage":[{{current}}],"PublishedEvents":{"{{older}}":53},"Deadlines":{"{{older}}":"2026-02-12"} }
            """);

        await using var host = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start));
        var graphQL = await host.GraphQL().SignIn(TestPeople.Initiator);
        var submitted = await graphQL.Send(
            "mutation { submitInitiative(input: { title: \"Zitbank\", neighbourhoodCode: \"vijfhoek\", theme: SOCIAL }) { initiative { id } } }");
        var newest = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        await host.Delivered(newest);
        var feed = await graphQL.Send("{ neighbourhood(code: \"vijfhoek\") { feed(first: 4) { items { sequence title } } } }");
        var all = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<INeighbourhoodGrain>("vijfhoek").GetAfter(0, 100);
        await using var check = new SqliteConnection(SqliteSchema.ConnectionString(database));
        await check.OpenAsync();
        await using var rows = check.CreateCommand();
        rows.CommandText = "SELECT count(*), max(sequence) FROM hub_feed_items WHERE neighbourhood = 'vijfhoek'";
        await using var reader = await rows.ExecuteReaderAsync();
        await reader.ReadAsync();

        all.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, 53).Select(n => (long)n));
        (reader.GetInt64(0), reader.GetInt64(1)).Should().Be((53L, 53L));
        JsonNode.DeepEquals(feed.Data, JsonNode.Parse("""
            { "neighbourhood": { "feed": { "items": [
              { "sequence": 53, "title": "Zitbank" }, { "sequence": 52, "title": "Plan 52" },
              { "sequence": 51, "title": "Plan 51" }, { "sequence": 50, "title": "Plan 50" } ] } } }
            """)).Should().BeTrue(feed.Body.ToJsonString());
    }

    [Fact]
    public async Task A_persons_inbox_stored_in_their_state_is_moved_into_rows_and_goes_on_numbering()
    {
        var database = _folder.File("hub.db");
        SqliteSchema.Apply(database);
        var initiative = Guid.NewGuid();
        string Notice(int n) =>
            $$"""{"Sequence":{{n}},"Kind":6,"InitiativeId":"{{initiative}}","Title":"Speeltuin","Text":"Antwoord {{n}}","OccurredAt":"2026-02-01T10:00:00+00:00","EventId":"{{initiative:N}}:answer:{{n}}","Notice":1}""";
        await StoreAsOlderHub(database, "person", "resident-7", 3, $$"""
            {"SchemaVersion":1,"Initiatives":[],"Neighbourhoods":[],"Inbox":[{{Notice(1)}},{{Notice(2)}}],"LastSequence":2,"Roles":[0],"Settings":null,"MailedThrough":2}
            """);

        await using var host = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start));
        var person = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IPersonGrain>("resident-7");
        var before = await person.GetInboxAfter(0, 10);
        await person.DeliverAll([
            new PrivateEntry("resident-7", FeedItemKind.InputAnswered, initiative, "Speeltuin", "Antwoord 2", HubHost.Start, $"{initiative:N}:answer:2", NoticeKind.Answers),
            new PrivateEntry("resident-7", FeedItemKind.InputAnswered, initiative, "Speeltuin", "Antwoord 3", HubHost.Start, $"{initiative:N}:answer:3", NoticeKind.Answers)]);
        var after = await person.GetInboxAfter(0, 10);
        await using var check = new SqliteConnection(SqliteSchema.ConnectionString(database));
        await check.OpenAsync();
        await using var stored = check.CreateCommand();
        stored.CommandText = "SELECT CAST(PayloadBinary AS TEXT) FROM OrleansStorage WHERE GrainTypeString = 'person' AND GrainIdExtensionString = 'resident-7'";
        var state = JsonNode.Parse((string)(await stored.ExecuteScalarAsync())!)!;

        before.Select(i => (i.Sequence, i.Text)).Should().Equal((1L, "Antwoord 1"), (2L, "Antwoord 2"));
        after.Select(i => (i.Sequence, i.Text)).Should().Equal((1L, "Antwoord 1"), (2L, "Antwoord 2"), (3L, "Antwoord 3"));
        (state["SchemaVersion"]!.GetValue<int>(), state["Inbox"]!.AsArray().Count).Should().Be((2, 0));
    }

    [Fact]
    public async Task An_officials_work_queue_stored_whole_is_moved_into_rows_and_cleared()
    {
        var database = _folder.File("hub.db");
        SqliteSchema.Apply(database);
        var (garden, party) = (Guid.NewGuid(), Guid.NewGuid());
        await StoreAsOlderHub(database, "official", "official-3", 5, $$"""
            {"SchemaVersion":1,"Queue":[
              {"InitiativeId":"{{garden}}","Title":"Geveltuin","Step":1,"Due":"2026-02-12","InputNumber":null},
              {"InitiativeId":"{{garden}}","Title":"Geveltuin","Step":1,"Due":"2026-02-09","InputNumber":1},
              {"InitiativeId":"{{party}}","Title":"Buurtfeest","Step":0,"Due":"2026-02-20","InputNumber":null}]}
            """);

        await using (var host = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start)))
        {
            await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IOfficialGrain>("official-3").GetQueue();
        }

        await using var restarted = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start));
        var queue = await restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IOfficialGrain>("official-3").GetQueue();
        await using var check = new SqliteConnection(SqliteSchema.ConnectionString(database));
        await check.OpenAsync();
        await using var stored = check.CreateCommand();
        stored.CommandText = "SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'official' AND PayloadBinary IS NOT NULL";

        queue.Select(i => (i.Title, i.Due, i.InputNumber)).Should().Equal(
            ("Geveltuin", new DateOnly(2026, 2, 9), 1), ("Geveltuin", new DateOnly(2026, 2, 12), null), ("Buurtfeest", new DateOnly(2026, 2, 20), null));
        ((long)(await stored.ExecuteScalarAsync())!).Should().Be(0);
    }

    [Fact]
    public async Task A_neighbourhood_index_stored_whole_is_moved_into_rows_and_cleared_and_goes_on_from_there()
    {
        var database = _folder.File("hub.db");
        SqliteSchema.Apply(database);
        var bench = Guid.NewGuid();
        // Exactly what the index wrote before its summaries became rows: all of them in one value.
        var whole = $$"""
            {"Initiatives":{"{{bench}}":{"Id":"{{bench}}","Revision":4,"NeighbourhoodCode":"vijfhoek","Title":"Bankje bij de Vijfhoek","Theme":3,"Status":2,
              "SubmittedAt":"2026-02-01T10:00:00+00:00","ContactOfficialId":null,"ContactOfficialName":null,"CurrentStepDue":"2026-02-12",
              "Steps":[],"Answers":[],"Ratings":[],"Texts":[],"Location":null} } }
            """;
        await StoreAsOlderHub(database, "neighbourhood-index", "vijfhoek", 3, whole);

        string third;
        await using (var host = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start)))
        {
            var graphQL = await host.GraphQL().SignIn(TestPeople.Initiator);
            var submitted = await graphQL.Send(
                "mutation { submitInitiative(input: { title: \"Zitbank\", neighbourhoodCode: \"vijfhoek\", theme: SOCIAL }) { initiative { id } } }");
            third = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
            await host.Delivered(third);
        }

        // A new start reads the rows only: the old value is gone, both initiatives are counted (the
        // list's items come from the initiatives themselves; the bench exists only in the old index).
        await using var restarted = new HubHost(HubSettings.Sqlite(database), new FakeTimeProvider(HubHost.Start));
        var list = await restarted.GraphQL().Send("{ neighbourhood(code: \"vijfhoek\") { initiatives(first: 5) { totalCount items { id } } } }");
        await using var check = new SqliteConnection(SqliteSchema.ConnectionString(database));
        await check.OpenAsync();
        await using var rows = check.CreateCommand();
        rows.CommandText = """
            SELECT (SELECT group_concat(initiative_id || '@' || revision) FROM (SELECT * FROM hub_index_summaries WHERE neighbourhood = 'vijfhoek' ORDER BY revision DESC)),
                   (SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'neighbourhood-index' AND PayloadBinary IS NOT NULL)
            """;
        await using var reader = await rows.ExecuteReaderAsync();
        await reader.ReadAsync();

        (reader.GetString(0), reader.GetInt64(1)).Should().Be(($"{bench}@4,{third}@1", 0L));
        JsonNode.DeepEquals(list.Data, JsonNode.Parse($$"""
            { "neighbourhood": { "initiatives": { "totalCount": 2, "items": [ { "id": "{{third}}" } ] } } }
            """)).Should().BeTrue(list.Body.ToJsonString());
    }
}
