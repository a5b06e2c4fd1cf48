using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Web.Tests.GraphQL;

public sealed class SubmitInitiativeTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private const string Submit = """
        mutation Submit($input: SubmitInitiativeInput!) {
          submitInitiative(input: $input) {
            initiative { id title summary theme status { code label } neighbourhood { code name } submittedAt }
            errors { code field message }
          }
        }
        """;

    private const string Feed = "query($code: String!) { neighbourhood(code: $code) { feed(first: 10) { items { sequence kind title initiativeId } } } }";

    private readonly GraphQLClient _graphQL = fixture.Host.GraphQL();

    [Fact]
    public async Task A_submitted_initiative_can_be_read_back_and_arrives_live_as_a_feed_item()
    {
        await using var connection = fixture.Host.FeedConnection();
        var received = Channel.CreateUnbounded<FeedItem>();
        connection.On<FeedItem>("feedItem", item => received.Writer.TryWrite(item));
        await connection.StartAsync();
        var missed = await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "leidsebuurt", 0L);

        var submitted = await (await _graphQL.EnsureSignedIn(TestPeople.Initiator)).Send(Submit, new
        {
            input = new { title = "Geveltuin Leidsestraat", summary = "Planten langs de gevels.", neighbourhoodCode = "leidsebuurt", theme = "GREEN" },
        });

        missed.Should().BeEmpty();
        submitted.Status.Should().Be(HttpStatusCode.OK);
        var id = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        var expected = JsonNode.Parse($$"""
            {
              "id": "{{id}}",
              "title": "Geveltuin Leidsestraat",
              "summary": "Planten langs de gevels.",
              "theme": "GREEN",
              "status": { "code": "SUBMITTED", "label": "Ingediend" },
              "neighbourhood": { "code": "leidsebuurt", "name": "Leidsebuurt" },
              "submittedAt": "2026-03-02T08:00:00+00:00"
            }
            """);
        JsonNode.DeepEquals(submitted.Data!["submitInitiative"], new JsonObject { ["initiative"] = expected!.DeepClone(), ["errors"] = new JsonArray() })
            .Should().BeTrue(submitted.Body.ToJsonString());

        var readBack = await _graphQL.Send(
            "query($id: ID!) { initiative(id: $id) { id title summary theme status { code label } neighbourhood { code name } submittedAt } }",
            new { id });
        JsonNode.DeepEquals(readBack.Data!["initiative"], expected).Should().BeTrue(readBack.Body.ToJsonString());

        var live = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        live.Should().Be(new FeedItem("leidsebuurt", 1, FeedItemKind.InitiativeSubmitted, Guid.Parse(id),
            "Geveltuin Leidsestraat", "Er is een nieuw initiatief ingediend in uw buurt.", HubHost.Start, $"{Guid.Parse(id):N}:1"));
    }

    [Fact]
    public async Task An_initiative_shows_its_dated_timeline_with_expected_dates_ahead()
    {
        var submitted = await (await _graphQL.EnsureSignedIn(TestPeople.Initiator)).Send(Submit, new { input = new { title = "Buurtmoestuin", neighbourhoodCode = "ter-kleef", theme = "GREEN" } });
        var id = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();

        var response = await _graphQL.Send("""
            query($id: ID!) { initiative(id: $id) { timeline {
              passed { status { code label } reachedAt }
              ahead { status { code } normWorkingDays expectedEnd current }
              expectedCompletion currentStepOverdue } } }
            """, new { id });

        JsonNode.DeepEquals(response.Data!["initiative"]!["timeline"], JsonNode.Parse("""
            {
              "passed": [ { "status": { "code": "SUBMITTED", "label": "Ingediend" }, "reachedAt": "2026-03-02T08:00:00+00:00" } ],
              "ahead": [
                { "status": { "code": "SUBMITTED" }, "normWorkingDays": 5, "expectedEnd": "2026-03-09", "current": true },
                { "status": { "code": "EXPLORING" }, "normWorkingDays": 15, "expectedEnd": "2026-03-30", "current": false },
                { "status": { "code": "WORKING_OUT" }, "normWorkingDays": 20, "expectedEnd": "2026-04-29", "current": false },
                { "status": { "code": "DECISION" }, "normWorkingDays": 20, "expectedEnd": "2026-06-01", "current": false },
                { "status": { "code": "REALISATION" }, "normWorkingDays": 60, "expectedEnd": "2026-08-24", "current": false } ],
              "expectedCompletion": "2026-08-24",
              "currentStepOverdue": false
            }
            """)).Should().BeTrue(response.Body.ToJsonString());
    }

    public static TheoryData<string, string, string, string, string> BadInputs => new()
    {
        { "", "koninginnebuurt", "REQUIRED", "title", "The title is required and cannot be only spaces." },
        { "   ", "koninginnebuurt", "REQUIRED", "title", "The title is required and cannot be only spaces." },
        { new string('t', 121), "koninginnebuurt", "TOO_LONG", "title", "The title can be at most 120 characters." },
        { "Plan", "nergenshuizen", "UNKNOWN_NEIGHBOURHOOD", "neighbourhoodCode", "The neighbourhood code must be one of the known neighbourhoods; 'nergenshuizen' is not." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_user_error_naming_the_field_and_nothing_appears_in_the_feed(
        string title, string neighbourhood, string code, string field, string message)
    {
        var response = await (await _graphQL.EnsureSignedIn(TestPeople.Initiator)).Send(Submit, new { input = new { title, summary = "", neighbourhoodCode = neighbourhood, theme = "PLAY" } });

        response.Status.Should().Be(HttpStatusCode.OK);
        JsonNode.DeepEquals(response.Data!["submitInitiative"], JsonNode.Parse($$"""
            { "initiative": null, "errors": [ { "code": "{{code}}", "field": "{{field}}", "message": {{JsonValue.Create(message).ToJsonString()}} } ] }
            """)).Should().BeTrue(response.Body.ToJsonString());
        await FeedShouldBeEmpty("koninginnebuurt");
    }

    [Fact]
    public async Task A_summary_over_2000_characters_is_a_user_error()
    {
        var response = await (await _graphQL.EnsureSignedIn(TestPeople.Initiator)).Send(Submit, new
        {
            input = new { title = "Plan", summary = new string('s', 2001), neighbourhoodCode = "koninginnebuurt", theme = "PLAY" },
        });

        JsonNode.DeepEquals(response.Data!["submitInitiative"]!["errors"], JsonNode.Parse("""
            [ { "code": "TOO_LONG", "field": "summary", "message": "The summary can be at most 2000 characters." } ]
            """)).Should().BeTrue(response.Body.ToJsonString());
        await FeedShouldBeEmpty("koninginnebuurt");
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_with_an_error_naming_the_field_and_the_type()
    {
        var response = await (await _graphQL.EnsureSignedIn(TestPeople.Initiator)).Send(Submit, new { input = new { title = "Plan", neighbourhoodCode = "koninginnebuurt", theme = "TEA" } });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.Data.Should().BeNull();
        response.Errors!.Select(e => e!["message"]!.GetValue<string>())
            .Should().Equal("Variable '$input.theme' is invalid. Unable to convert 'TEA' to 'Theme'");
        await FeedShouldBeEmpty("koninginnebuurt");
    }

    [Fact]
    public async Task The_neighbourhoods_are_listed_by_district_and_name()
    {
        var response = await _graphQL.Send("{ neighbourhoods { code name district } }");

        var neighbourhoods = response.Data!["neighbourhoods"]!.AsArray();
        neighbourhoods.Should().HaveCount(34);
        JsonNode.DeepEquals(neighbourhoods[0], JsonNode.Parse("""{ "code": "binnenstad", "name": "Binnenstad", "district": "Centrum" }"""))
            .Should().BeTrue();
        neighbourhoods.Select(n => n!["district"]!.GetValue<string>()).Distinct()
            .Should().Equal("Centrum", "Haarlem-Noord", "Haarlem-Oost", "Schalkwijk", "Zuid-West");
    }

    [Fact]
    public async Task An_unknown_neighbourhood_or_initiative_reads_as_null()
    {
        var response = await _graphQL.Send($"{{ neighbourhood(code: \"nergenshuizen\") {{ code }} initiative(id: \"{Guid.NewGuid()}\") {{ id }} }}");

        JsonNode.DeepEquals(response.Body, JsonNode.Parse("""{ "data": { "neighbourhood": null, "initiative": null } }""")).Should().BeTrue();
    }

    private async Task FeedShouldBeEmpty(string neighbourhood)
    {
        var feed = await _graphQL.Send(Feed, new { code = neighbourhood });
        JsonNode.DeepEquals(feed.Data, JsonNode.Parse("""{ "neighbourhood": { "feed": { "items": [] } } }""")).Should().BeTrue(feed.Body.ToJsonString());
    }
}
