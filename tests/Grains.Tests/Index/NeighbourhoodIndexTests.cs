using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Index;

public sealed class IndexCluster : OwnClockCluster<IndexCluster>;

/// <summary>
/// The neighbourhood's index follows every change of its initiatives, and its figures are what
/// the council's overview adds up. Each test walks the clock forward only (2026-03-02 is a Monday).
/// </summary>
public sealed class NeighbourhoodIndexTests(IndexCluster hub) : IClassFixture<IndexCluster>
{
    private static readonly KanoScores Good = new(4, 5, 4, 3, 5, 5, 4);
    private static readonly ContactOfficial Sanne = new("official-sanne", "Sanne de Vries", "Gebiedsverbinder", "Centrum", "s.devries@haarlem.nl", null);

    private static DateOnly Today => DateOnly.FromDateTime(IndexCluster.Clock.GetUtcNow().UtcDateTime);

    private async Task<string> NewNeighbourhood()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        return code;
    }

    private async Task<IInitiativeGrain> Submit(string code, string title, Theme theme)
    {
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        (await grain.Submit(new SubmitInitiative(title, "Een plan voor de buurt.", code, theme), TestPeople.Initiator)).Errors.Should().BeEmpty();
        return grain;
    }

    private static void Advance(int days) => IndexCluster.Clock.Advance(TimeSpan.FromDays(days));

    /// <summary>Tests share the clock and run in any order: this one starts on a Monday with no holiday that week.</summary>
    private static void ToMondayOfAFullWorkingWeek()
    {
        do
        {
            Advance(1);
        }
        while (Today.DayOfWeek != DayOfWeek.Monday || !Enumerable.Range(0, 5).All(d => Grains.Norms.WorkingDays.IsWorkingDay(Today.AddDays(d))));
    }

    [Fact]
    public async Task A_title_search_finds_part_of_a_title_ignoring_case_and_accents_newest_first_and_counts_the_matches()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        var cafe = await Submit(code, "Buurtcafé in de Vijfhoek", Theme.Social);
        Advance(1);
        var garden = await Submit(code, "Geveltuin", Theme.Green);
        Advance(1);
        var terrace = await Submit(code, "Terras voor het CAFE", Theme.Social);
        await hub.Grains.Delivered(cafe.GetPrimaryKey(), garden.GetPrimaryKey(), terrace.GetPrimaryKey());

        var found = await index.List(new InitiativeFilter(TitleContains: "café"), null, 10, Today);
        var green = await index.List(new InitiativeFilter(Theme: Theme.Green, TitleContains: "tuin"), null, 10, Today);
        var none = await index.List(new InitiativeFilter(TitleContains: "speeltuin"), null, 10, Today);

        (found.Items.Select(k => k.Id), found.TotalCount).Should().BeEquivalentTo((new[] { terrace.GetPrimaryKey(), cafe.GetPrimaryKey() }, 2), o => o.WithStrictOrdering());
        (green.Items.Single().Id, green.TotalCount).Should().Be((garden.GetPrimaryKey(), 1));
        (none.Items.Count, none.TotalCount).Should().Be((0, 0));
    }

    [Fact]
    public async Task Figures_follow_submissions_steps_answers_ratings_texts_and_the_contact_official()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        ToMondayOfAFullWorkingWeek();
        var firstDay = Today;

        var garden = await Submit(code, "Geveltuin", Theme.Green);
        var playground = await Submit(code, "Speeltuin", Theme.Play);
        (await garden.AssignContactOfficial(Sanne, "Coördinator", null)).Errors.Should().BeEmpty();

        // Three working days later the first talk took place; the step took 3 of its 5 days.
        Advance(3);
        (await garden.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        (await garden.GiveInput("resident-1", InputKind.Idea, "Zet er een bankje bij.")).Errors.Should().BeEmpty();
        Advance(1);
        (await garden.AnswerInput(1, "Goed idee. Er komt een bankje.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false)).Errors.Should().BeEmpty();
        (await garden.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries")).Errors.Should().BeEmpty();
        (await garden.Rate("initiator-1", isInitiator: true, Milestone.AfterExploring, 8, Good, null)).Errors.Should().BeEmpty();

        await hub.Grains.Delivered(garden.GetPrimaryKey(), playground.GetPrimaryKey());
        var figures = await index.GetFigures(OverviewFigures.MonthOf(firstDay), OverviewFigures.MonthOf(Today), Today);

        figures.Submitted.Should().Be(2);
        figures.ByStatus.Should().Equal(new Dictionary<InitiativeStatus, int> { [InitiativeStatus.WorkingOut] = 1, [InitiativeStatus.Submitted] = 1 });
        figures.ByTheme.Should().Equal(new Dictionary<Theme, int> { [Theme.Green] = 1, [Theme.Play] = 1 });
        figures.ByNeighbourhood.Should().Equal(new Dictionary<string, int> { [code] = 2 });
        figures.LeadTimes.Keys.Should().BeEquivalentTo([InitiativeStatus.Submitted, InitiativeStatus.Exploring]);
        figures.LeadTimes[InitiativeStatus.Submitted].Should().Equal(new Dictionary<int, int> { [3] = 1 });
        figures.LeadTimes[InitiativeStatus.Exploring].Should().Equal(new Dictionary<int, int> { [1] = 1 });
        figures.StepsWithinNorm.Should().Equal(new Dictionary<InitiativeStatus, int> { [InitiativeStatus.Submitted] = 1, [InitiativeStatus.Exploring] = 1 });
        figures.AnswerTimes.Should().Equal(new Dictionary<int, int> { [1] = 1 });
        figures.AnsweredWithinNorm.Should().Be(1);
        (figures.Ratings, figures.MarkSum).Should().Be((1, 8L));
        figures.KanoSums.Should().Equal(4, 5, 4, 3, 5, 5, 4);
        (figures.Texts, figures.TextsWithHints).Should().Be((3, 0));
        (figures.OpenSteps, figures.OverdueSteps).Should().Be((2, 0));
        figures.Workload.Values.Should().Equal(new OfficialLoad("official-sanne", "Sanne de Vries", 1, 0));

        // A month without activity has no period figures; what is open now is still counted. The
        // playground's first step (5 working days) is past its day a week later.
        Advance(7);
        var next = await index.GetFigures(OverviewFigures.MonthOf(Today) + 1, OverviewFigures.MonthOf(Today) + 1, Today);
        (next.Submitted, next.LeadTimes.Count, next.AnswerTimes.Count, next.Ratings, next.Texts).Should().Be((0, 0, 0, 0, 0));
        (next.OpenSteps, next.OverdueSteps).Should().Be((2, 1));
        next.Workload.Values.Should().Equal(new OfficialLoad("official-sanne", "Sanne de Vries", 1, 0));
    }

    [Fact]
    public async Task Lists_are_newest_first_filtered_and_paged_without_overlap()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        var first = await Submit(code, "Buurtfeest", Theme.Social);
        Advance(1);
        var second = await Submit(code, "Speeltuin", Theme.Play);
        Advance(1);
        var third = await Submit(code, "Moestuin", Theme.Green);
        (await second.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        var ids = new[] { third, second, first }.Select(g => g.GetPrimaryKey()).ToList();
        await hub.Grains.Delivered([.. ids]);

        var all = await index.List(new InitiativeFilter(), null, 2, Today);
        var rest = await index.List(new InitiativeFilter(), all.Items[^1], 2, Today);
        var exploring = await index.List(new InitiativeFilter(Status: InitiativeStatus.Exploring), null, 10, Today);
        var green = await index.List(new InitiativeFilter(Theme: Theme.Green), null, 10, Today);

        (all.TotalCount, rest.TotalCount).Should().Be((3, 3));
        all.Items.Select(i => i.Id).Should().Equal(ids[0], ids[1]);
        rest.Items.Select(i => i.Id).Should().Equal(ids[2]);
        exploring.Items.Select(i => i.Id).Should().Equal(ids[1]);
        green.Items.Select(i => i.Id).Should().Equal(ids[0]);

        // Much later the first step of the two still submitted is past its day; the one exploring is not yet.
        Advance(10);
        var overdue = await index.List(new InitiativeFilter(Overdue: true), null, 10, Today);
        overdue.Items.Select(i => i.Id).Should().Equal(ids[0], ids[2]);
    }

    [Fact]
    public async Task A_count_follows_each_change_and_the_order_holds_both_ways_and_past_the_last_item()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        var first = await Submit(code, "Buurtfeest", Theme.Social);
        Advance(1);
        var second = await Submit(code, "Speeltuin", Theme.Play);
        await hub.Grains.Delivered(first.GetPrimaryKey(), second.GetPrimaryKey());
        var exploring = new InitiativeFilter(Status: InitiativeStatus.Exploring);

        var before = await index.List(exploring, null, 10, Today);
        (await first.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        await first.DeliverOutbox();
        var after = await index.List(exploring, null, 10, Today);
        var all = await index.List(new InitiativeFilter(), null, 10, Today);
        var pastTheLast = await index.List(new InitiativeFilter(), all.Items[^1], 10, Today);
        var oldestFirst = await index.ListOldestFirst(new InitiativeFilter(), 10, Today);

        (before.TotalCount, before.Items.Count).Should().Be((0, 0));
        (after.TotalCount, after.Items.Single().Id).Should().Be((1, first.GetPrimaryKey()));
        all.Items.Select(i => i.Id).Should().Equal(second.GetPrimaryKey(), first.GetPrimaryKey());
        (pastTheLast.TotalCount, pastTheLast.Items.Count).Should().Be((2, 0));
        oldestFirst.Items.Select(i => i.Id).Should().Equal(first.GetPrimaryKey(), second.GetPrimaryKey());
    }

    [Fact]
    public async Task An_older_report_does_not_overwrite_a_newer_one()
    {
        var code = await NewNeighbourhood();
        var grain = await Submit(code, "Geveltuin", Theme.Green);
        (await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        var month = OverviewFigures.MonthOf(Today);
        await grain.DeliverOutbox();

        await index.Report(new InitiativeSummary(
            grain.GetPrimaryKey(), 1, code, "Geveltuin", Theme.Green, InitiativeStatus.Submitted, IndexCluster.Clock.GetUtcNow(),
            null, null, Today, [], [], [], []));

        (await index.GetFigures(month, month, Today)).ByStatus.Should().Equal(new Dictionary<InitiativeStatus, int> { [InitiativeStatus.Exploring] = 1 });
    }

    [Fact]
    public async Task An_index_activated_again_reads_its_rows_back_with_only_the_newest_revision_of_each()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        // Known to the index only (no initiative grain, unknown to the neighbourhood): only its row can bring it back.
        var (bench, garden) = (Guid.NewGuid(), Guid.NewGuid());
        InitiativeSummary Summary(Guid id, long revision, string title, InitiativeStatus status, int minutesAgo) =>
            new(id, revision, code, title, Theme.Green, status, IndexCluster.Clock.GetUtcNow().AddMinutes(-minutesAgo), null, null, Today.AddDays(7), [], [], [], []);
        await Task.WhenAll(
            index.Report(Summary(bench, 1, "Bankje", InitiativeStatus.Submitted, 10)),
            index.Report(Summary(garden, 1, "Geveltuin", InitiativeStatus.Submitted, 5)));
        await index.Report(Summary(bench, 2, "Bankje", InitiativeStatus.Exploring, 10));
        await index.Report(Summary(bench, 1, "Bankje", InitiativeStatus.Submitted, 10));
        var before = await index.List(new InitiativeFilter(), null, 10, Today);

        await hub.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var exploring = await index.List(new InitiativeFilter(Status: InitiativeStatus.Exploring), null, 10, Today);
        var after = await index.List(new InitiativeFilter(), null, 10, Today);

        (after.Items.Select(k => k.Id), after.TotalCount).Should().BeEquivalentTo((new[] { garden, bench }, 2), o => o.WithStrictOrdering());
        after.Items.Should().Equal(before.Items);
        (exploring.Items.Single().Id, exploring.TotalCount).Should().Be((bench, 1));
    }
}
