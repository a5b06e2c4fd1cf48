using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Tests;

public sealed class ListingCluster : OwnClockCluster<ListingCluster>;

/// <summary>
/// Lists and the council's overview through the schema, against real grains. Each test adds
/// a district of its own to the directory, so what it counts is its own.
/// </summary>
public sealed class ListingTests(ListingCluster hub) : IClassFixture<ListingCluster>
{
    private static readonly Actor Council = new("council-1", "Raadslid Jansen", new HashSet<HubRole> { HubRole.Council });
    private static readonly Actor Resident = new("resident-1", "Bewoner", new HashSet<HubRole> { HubRole.Resident });

    private readonly RecordingObserver _batches = new();
    private readonly List<Guid> _submitted = [];

    private sealed class RecordingObserver : ILoaderObserver
    {
        public ConcurrentQueue<(string Loader, int Keys)> Batches { get; } = new();

        public void OnBatch(string loader, int keys) => Batches.Enqueue((loader, keys));
    }

    private async Task<JsonNode> Execute(string query, Actor? actor = null)
    {
        // The lists and the overview are read from the indexes, which follow each change a moment later.
        await hub.Grains.Delivered([.. _submitted]);
        return await SchemaRunner.Execute(
            hub.Grains, query, actor ?? Resident, ListingCluster.Clock, configure: services => services.AddSingleton<ILoaderObserver>(_batches));
    }

    /// <summary>A district of its own with the given number of neighbourhoods, added to the directory.</summary>
    private async Task<(string District, IReadOnlyList<string> Codes)> NewDistrict(int neighbourhoods)
    {
        var district = "Wijk " + TestNames.Neighbourhood();
        var added = Enumerable.Range(1, neighbourhoods).Select(i => new NeighbourhoodInfo(TestNames.Neighbourhood(), $"Buurt {i}", district, null)).ToList();
        var directory = NeighbourhoodDirectory.Get(hub.Grains);
        await directory.Load([.. await directory.List(), .. added]);
        return (district, added.Select(n => n.Code).ToList());
    }

    private async Task<IInitiativeGrain> Submit(string code, string title, Theme theme)
    {
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        (await grain.Submit(new SubmitInitiative(title, "Een plan.", code, theme), TestPeople.Initiator)).Errors.Should().BeEmpty();
        ListingCluster.Clock.Advance(TimeSpan.FromMinutes(1));
        _submitted.Add(grain.GetPrimaryKey());
        return grain;
    }

    private static ContactOfficial Official(int n) => new($"official-{n}", $"Ambtenaar {n}", "Gebiedsverbinder", "Team", $"a{n}@haarlem.nl", null);

    [Fact]
    public async Task A_hundred_initiatives_with_their_contact_official_and_neighbourhood_take_three_batched_rounds()
    {
        var (district, codes) = await NewDistrict(3);
        for (var i = 0; i < 100; i++)
        {
            var grain = await Submit(codes[i % 3], $"Initiatief {i}", Theme.Green);
            (await grain.AssignContactOfficial(Official(i % 4), "Coördinator", null)).Errors.Should().BeEmpty();
        }

        var result = await Execute($$"""{ initiatives(first: 100, filter: { district: "{{district}}" }) { totalCount items { contactOfficial { name } neighbourhood { name } } } }""");

        result["data"]!["initiatives"]!["totalCount"]!.GetValue<int>().Should().Be(100);
        var items = result["data"]!["initiatives"]!["items"]!.AsArray();
        items.Should().HaveCount(100);
        items[0]!.ToJsonString().Should().Be("""{"contactOfficial":{"name":"Ambtenaar 3"},"neighbourhood":{"name":"Buurt 1"}}""");
        items.Select(i => i!["neighbourhood"]!["name"]!.GetValue<string>()).Distinct().Order().Should().Equal("Buurt 1", "Buurt 2", "Buurt 3");

        // The index grains answer the list (one round), then one batch of the 100 initiatives,
        // then one batch of their contacts beside one of their 3 neighbourhoods: not 100 each.
        _batches.Batches.OrderBy(b => b.Loader, StringComparer.Ordinal).Should().Equal(("contacts", 100), ("initiatives", 100), ("neighbourhoods", 3));
    }

    [Fact]
    public async Task One_initiative_reads_what_its_query_selects_in_one_round_of_its_own_not_in_batches_after_each_level()
    {
        var (_, codes) = await NewDistrict(3);
        var grain = await Submit(codes[0], "Een bankje", Theme.Green);
        (await grain.AssignContactOfficial(Official(7), "Coördinator", null)).Errors.Should().BeEmpty();
        var neighbourhoods = (await NeighbourhoodDirectory.Get(hub.Grains).List()).Count;
        neighbourhoods.Should().BeGreaterThanOrEqualTo(3);

        var result = await Execute($$"""{ initiative(id: "{{grain.GetPrimaryKey()}}") { title contactOfficial { name } neighbourhood { name } supportCount } }""");
        var titleOnly = _batches.Batches.Count;
        await Execute($$"""{ initiative(id: "{{grain.GetPrimaryKey()}}") { title } }""");

        result["data"]!["initiative"]!.ToJsonString().Should().Be("""{"title":"Een bankje","contactOfficial":{"name":"Ambtenaar 7"},"neighbourhood":{"name":"Buurt 1"},"supportCount":0}""");
        // Beside the initiative itself: its contact and its input, one key each, and the whole
        // directory (one call) at the same time; a batch would have asked for one neighbourhood.
        _batches.Batches.OrderBy(b => b.Loader, StringComparer.Ordinal).Should().Equal(("contacts", 1), ("input", 1), ("neighbourhoods", neighbourhoods));
        // Only the title: nothing else is fetched.
        _batches.Batches.Count.Should().Be(titleOnly);
    }

    [Fact]
    public async Task Initiatives_are_paged_by_cursor_and_filtered_by_district_neighbourhood_theme_status_and_overdue()
    {
        var (district, codes) = await NewDistrict(2);
        var garden = await Submit(codes[0], "Geveltuin", Theme.Green);
        var party = await Submit(codes[1], "Buurtfeest", Theme.Social);
        var playground = await Submit(codes[0], "Speeltuin", Theme.Play);
        (await party.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();

        var first = await Execute($$"""{ initiatives(first: 2, filter: { district: "{{district}}" }) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } items { title } } }""");
        var cursor = first["data"]!["initiatives"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await Execute($$"""{ initiatives(first: 2, after: "{{cursor}}", filter: { district: "{{district}}" }) { totalCount pageInfo { hasNextPage hasPreviousPage } items { title } } }""");
        var green = await Execute($$"""{ initiatives(filter: { district: "{{district}}", theme: GREEN }) { items { title } } }""");
        var exploring = await Execute($$"""{ initiatives(filter: { district: "{{district}}", status: EXPLORING }) { items { title } } }""");
        var inNeighbourhood = await Execute($$"""{ neighbourhood(code: "{{codes[0]}}") { initiatives { totalCount items { title } } } }""");

        first["data"]!.ToJsonString().Should().Be($$$"""{"initiatives":{"totalCount":3,"pageInfo":{"hasNextPage":true,"hasPreviousPage":false,"endCursor":"{{{cursor}}}"},"items":[{"title":"Speeltuin"},{"title":"Buurtfeest"}]}}""");
        second["data"]!.ToJsonString().Should().Be("""{"initiatives":{"totalCount":3,"pageInfo":{"hasNextPage":false,"hasPreviousPage":true},"items":[{"title":"Geveltuin"}]}}""");
        green["data"]!.ToJsonString().Should().Be("""{"initiatives":{"items":[{"title":"Geveltuin"}]}}""");
        exploring["data"]!.ToJsonString().Should().Be("""{"initiatives":{"items":[{"title":"Buurtfeest"}]}}""");
        inNeighbourhood["data"]!.ToJsonString().Should().Be("""{"neighbourhood":{"initiatives":{"totalCount":2,"items":[{"title":"Speeltuin"},{"title":"Geveltuin"}]}}}""");

        // Three weeks on, the two still submitted are past their first step's day (5 working days); the one exploring (15) is not.
        ListingCluster.Clock.Advance(TimeSpan.FromDays(21));
        var overdue = await Execute($$"""{ initiatives(filter: { district: "{{district}}", overdue: true }) { items { title } } }""");
        overdue["data"]!.ToJsonString().Should().Be("""{"initiatives":{"items":[{"title":"Speeltuin"},{"title":"Geveltuin"}]}}""");
        _ = (garden, playground);
    }

    [Fact]
    public async Task A_bad_cursor_an_unknown_district_and_a_page_over_100_are_errors_naming_the_argument()
    {
        var result = await Execute("""{ a: initiatives(after: "bm9wZQ") { totalCount } }""");
        var district = await Execute("""{ initiatives(filter: { district: "Atlantis" }) { totalCount } }""");
        var big = await Execute("""{ initiatives(first: 101) { totalCount } }""");

        result["errors"]![0]!["message"]!.GetValue<string>().Should().Be("The argument 'after' is not a cursor of this list: pass an 'endCursor' or 'cursor' this list returned.");
        result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("INVALID_ARGUMENT");
        district["errors"]![0]!["message"]!.GetValue<string>().Should().StartWith("There is no district 'Atlantis'; the districts are ");
        big["errors"]![0]!["message"]!.GetValue<string>().Should().Be("The argument 'first' must be between 0 and 100; it was 101.");
    }

    [Fact]
    public async Task The_overview_adds_up_the_districts_figures_for_the_council_only()
    {
        var (district, codes) = await NewDistrict(2);
        var garden = await Submit(codes[0], "Geveltuin", Theme.Green);
        await Submit(codes[1], "Buurtfeest", Theme.Social);
        (await garden.AssignContactOfficial(Official(7), "Coördinator", null)).Errors.Should().BeEmpty();
        (await garden.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Ambtenaar 7")).Errors.Should().BeEmpty();
        (await garden.GiveInput("resident-1", InputKind.Idea, "Zet er een bankje bij.")).Errors.Should().BeEmpty();
        (await garden.AnswerInput(1, "Goed idee. Er komt een bankje.", InputOutcome.Adopted, null, "Ambtenaar 7", publishAnyway: false)).Errors.Should().BeEmpty();
        (await garden.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Ambtenaar 7")).Errors.Should().BeEmpty();
        (await garden.Rate("initiator-1", isInitiator: true, Milestone.AfterExploring, 8, new KanoScores(4, 5, 4, 3, 5, 5, 4), null)).Errors.Should().BeEmpty();

        const string Fields = "submitted byDistrict { district count } byNeighbourhood { neighbourhood { name } count } byTheme { theme count } byStatus { status count } " +
            "leadTimes { step normWorkingDays ended withinNorm median percentile90 } openSteps overdueSteps inputAnswered inputAnsweredWithinNormShare inputMedianAnswerWorkingDays " +
            "ratings meanMark kano { dimension mean } workload { officialId name openInitiatives overdue } textsPublished textsPlainShare";
        var result = await Execute($$"""{ overview(district: "{{district}}") { district {{Fields}} } }""", Council);
        var refused = await Execute($$"""{ overview(district: "{{district}}") { submitted } }""", Resident);

        JsonNode.DeepEquals(result["data"], JsonNode.Parse($$"""
            { "overview": { "district": "{{district}}", "submitted": 2,
              "byDistrict": [ { "district": "{{district}}", "count": 2 } ],
              "byNeighbourhood": [ { "neighbourhood": { "name": "Buurt 1" }, "count": 1 }, { "neighbourhood": { "name": "Buurt 2" }, "count": 1 } ],
              "byTheme": [ { "theme": "GREEN", "count": 1 }, { "theme": "SOCIAL", "count": 1 } ],
              "byStatus": [ { "status": "SUBMITTED", "count": 1 }, { "status": "WORKING_OUT", "count": 1 } ],
              "leadTimes": [
                { "step": "SUBMITTED", "normWorkingDays": 5, "ended": 1, "withinNorm": 1, "median": 0, "percentile90": 0 },
                { "step": "EXPLORING", "normWorkingDays": 15, "ended": 1, "withinNorm": 1, "median": 0, "percentile90": 0 } ],
              "openSteps": 2, "overdueSteps": 0,
              "inputAnswered": 1, "inputAnsweredWithinNormShare": 1, "inputMedianAnswerWorkingDays": 0,
              "ratings": 1, "meanMark": 8,
              "kano": [ { "dimension": "fast", "mean": 4 }, { "dimension": "relevant", "mean": 5 }, { "dimension": "transparent", "mean": 4 },
                        { "dimension": "consistent", "mean": 3 }, { "dimension": "personal", "mean": 5 }, { "dimension": "involved", "mean": 5 },
                        { "dimension": "simple", "mean": 4 } ],
              "workload": [ { "officialId": "official-7", "name": "Ambtenaar 7", "openInitiatives": 1, "overdue": 0 } ],
              "textsPublished": 3, "textsPlainShare": 1 } }
            """)).Should().BeTrue(result.ToJsonString());
        refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("FORBIDDEN");
    }
}
