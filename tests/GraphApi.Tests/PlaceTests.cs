using System.Globalization;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.GraphApi.Tests;

public sealed class PlaceCluster : OwnClockCluster<PlaceCluster>;

/// <summary>Places through the schema: an initiative's location, the near filter (nearest first, paged), and the person's home area.</summary>
public sealed class PlaceTests(PlaceCluster hub) : IClassFixture<PlaceCluster>
{
    private static readonly Actor Resident = new($"resident-{Guid.NewGuid():N}", "Bewoner", new HashSet<HubRole> { HubRole.Resident });

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private Task<JsonNode> Execute(string query, Actor? actor = null) =>
        SchemaRunner.Execute(hub.Grains, query, actor, PlaceCluster.Clock);

    private async Task<(string District, string Code)> NewDistrict()
    {
        var district = "Wijk " + TestNames.Neighbourhood();
        var neighbourhood = new NeighbourhoodInfo(TestNames.Neighbourhood(), "Buurt", district, null);
        var directory = NeighbourhoodDirectory.Get(hub.Grains);
        await directory.Load([.. await directory.List(), neighbourhood]);
        return (district, neighbourhood.Code);
    }

    private async Task<Guid> Submit(string code, string title, GeoPoint? place)
    {
        var id = Guid.NewGuid();
        (await hub.Grains.GetGrain<IInitiativeGrain>(id).Submit(new SubmitInitiative(title, "Een plan.", code, Theme.Green, Location: place), TestPeople.Initiator)).Errors.Should().BeEmpty();
        await hub.Grains.Delivered(id);
        return id;
    }

    [Fact]
    public async Task A_submission_takes_a_location_and_setInitiativeLocation_moves_it_refuses_a_place_outside_and_logs_the_change()
    {
        var (_, code) = await NewDistrict();
        var submitted = await Execute($$"""
            mutation { submitInitiative(input: { title: "Speelplek", neighbourhoodCode: "{{code}}", theme: PLAY, location: { latitude: 52.38, longitude: 4.64 } }) {
              initiative { id location { latitude longitude } } errors { code } } }
            """, TestPeople.Initiator);
        var id = submitted["data"]!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();

        var outside = await Execute($$"""
            mutation { setInitiativeLocation(input: { initiativeId: "{{id}}", location: { latitude: 52.3676, longitude: 4.9041 } }) { initiative { id } errors { code field message } } }
            """, TestPeople.Initiator);
        var moved = await Execute($$"""
            mutation { setInitiativeLocation(input: { initiativeId: "{{id}}", location: { latitude: 52.3801234567, longitude: 4.64 } }) {
              initiative { location { latitude longitude } changeLog { what before after } } errors { code } } }
            """, TestPeople.Initiator);
        var stranger = await Execute($$"""
            mutation { setInitiativeLocation(input: { initiativeId: "{{id}}", location: null }) { initiative { id } errors { code field } } }
            """, Resident);

        submitted["data"]!["submitInitiative"]!["initiative"]!["location"]!.ToJsonString().Should().Be("""{"latitude":52.38,"longitude":4.64}""");
        outside["data"]!["setInitiativeLocation"]!.ToJsonString().Should().Be(
            """{"initiative":null,"errors":[{"code":"OUTSIDE_MUNICIPALITY","field":"location","message":"The place must lie within the municipality of Haarlem."}]}""");
        moved["data"]!["setInitiativeLocation"]!.ToJsonString().Should().Be(
            """{"initiative":{"location":{"latitude":52.380123,"longitude":4.64},"changeLog":[{"what":"Plek","before":"52.38, 4.64","after":"52.380123, 4.64"}]},"errors":[]}""");
        stranger["data"]!["setInitiativeLocation"]!["errors"]!.ToJsonString().Should().Be("""[{"code":"FORBIDDEN","field":"user"}]""");
    }

    [Fact]
    public async Task The_near_filter_lists_the_initiatives_within_the_circle_nearest_first_page_by_page_with_the_other_filters()
    {
        var (district, code) = await NewDistrict();
        var centre = TestPlaces.GroteMarkt.Towards(135, 1000);
        var at300 = await Submit(code, "Op 300 meter", centre.Towards(0, 300));
        var at100 = await Submit(code, "Op 100 meter", centre.Towards(90, 100));
        await Submit(code, "Op 700 meter", centre.Towards(180, 700));
        await Submit(code, "Zonder plek", null);
        var near = $"near: {{ latitude: {Number(centre.Latitude)}, longitude: {Number(centre.Longitude)}, radiusMetres: 500 }}";

        var first = await Execute($$"""{ initiatives(first: 1, filter: { district: "{{district}}", {{near}} }) { totalCount pageInfo { hasNextPage endCursor } items { title } } }""");
        var cursor = first["data"]!["initiatives"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await Execute($$"""{ initiatives(first: 5, after: "{{cursor}}", filter: { district: "{{district}}", {{near}} }) { totalCount pageInfo { hasNextPage } items { id title } } }""");
        var withTheme = await Execute($$"""{ initiatives(filter: { district: "{{district}}", theme: SPORT, {{near}} }) { totalCount } }""");
        var tooWide = await Execute($$"""{ initiatives(filter: { near: { latitude: 52.38, longitude: 4.64, radiusMetres: 6000 } }) { totalCount } }""");

        first["data"]!["initiatives"]!["totalCount"]!.GetValue<int>().Should().Be(2);
        first["data"]!["initiatives"]!["items"]!.ToJsonString().Should().Be("""[{"title":"Op 100 meter"}]""");
        first["data"]!["initiatives"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeTrue();
        second["data"]!["initiatives"]!["items"]!.ToJsonString().Should().Be($$"""[{"id":"{{at300}}","title":"Op 300 meter"}]""");
        second["data"]!["initiatives"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
        at100.Should().NotBe(at300);
        withTheme["data"]!["initiatives"]!["totalCount"]!.GetValue<int>().Should().Be(0);
        tooWide["errors"]![0]!["message"]!.GetValue<string>().Should().Be("filter.near.radiusMetres: The radius must be a whole number of metres from 1 to 5000.");
        tooWide["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("INVALID_ARGUMENT");
    }

    [Fact]
    public async Task A_person_sets_their_home_area_reads_it_back_is_told_what_is_wrong_and_cannot_without_signing_in()
    {
        var wrong = await Execute("""mutation { setHome(home: { latitude: 52.38, longitude: 4.64, radiusMetres: 300 }) { home { radiusMetres } errors { code field message } } }""", Resident);
        var set = await Execute("""mutation { setHome(home: { latitude: 52.38, longitude: 4.64, radiusMetres: 1000 }) { home { latitude longitude radiusMetres } errors { code } } }""", Resident);
        var me = await Execute("{ me { home { radiusMetres } } }", Resident);
        var removed = await Execute("mutation { setHome(home: null) { home { radiusMetres } errors { code } } }", Resident);
        var anonymous = await Execute("""mutation { setHome(home: { latitude: 52.38, longitude: 4.64, radiusMetres: 500 }) { home { radiusMetres } errors { code } } }""");

        wrong["data"]!["setHome"]!.ToJsonString().Should().Be(
            """{"home":null,"errors":[{"code":"INVALID","field":"home.radiusMetres","message":"The radius must be 250, 500 or 1000 metres."}]}""");
        set["data"]!["setHome"]!.ToJsonString().Should().Be("""{"home":{"latitude":52.38,"longitude":4.64,"radiusMetres":1000},"errors":[]}""");
        me["data"]!["me"]!.ToJsonString().Should().Be("""{"home":{"radiusMetres":1000}}""");
        removed["data"]!["setHome"]!.ToJsonString().Should().Be("""{"home":null,"errors":[]}""");
        anonymous["data"]!["setHome"]!["errors"]!.ToJsonString().Should().Be("""[{"code":"UNAUTHENTICATED"}]""");
    }
}
