using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Initiatives;

public sealed class SubmittingTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private async Task<string> NewNeighbourhood()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        return code;
    }

    private Task<SubmitResult> Submit(string code, string title, Guid? id = null) =>
        hub.Grains.GetGrain<IInitiativeGrain>(id ?? Guid.NewGuid())
            .Submit(new SubmitInitiative(title, "Een plan.", code, Theme.Play), TestPeople.Initiator);

    [Fact]
    public async Task Submitting_puts_the_initiative_in_its_neighbourhood_feed_with_sequence_1_2_3_in_order()
    {
        var code = await NewNeighbourhood();

        // Each outbox delivers on its own; one submission is delivered before the next is sent, so the order is theirs.
        var first = await Submit(code, "Speeltuin");
        await hub.Grains.Delivered(first.Initiative!.Id);
        var second = await Submit(code, "Buurtfeest");
        await hub.Grains.Delivered(second.Initiative!.Id);
        var third = await Submit(code, "Geveltuin");
        await hub.Grains.Delivered(third.Initiative!.Id);

        var feed = await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10);
        feed.Select(i => (i.Sequence, i.Title, i.InitiativeId, i.Kind)).Should().Equal(
            (1L, "Speeltuin", first.Initiative!.Id, FeedItemKind.InitiativeSubmitted),
            (2L, "Buurtfeest", second.Initiative!.Id, FeedItemKind.InitiativeSubmitted),
            (3L, "Geveltuin", third.Initiative!.Id, FeedItemKind.InitiativeSubmitted));
    }

    [Fact]
    public async Task Concurrent_submissions_get_every_sequence_number_once_without_gaps()
    {
        var code = await NewNeighbourhood();

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Submit(code, $"Plan {n}")));
        await hub.Grains.Delivered([.. results.Select(r => r.Initiative!.Id)]);

        var feed = await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 100);
        feed.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, 20).Select(n => (long)n));
        feed.Select(i => i.InitiativeId).Should().BeEquivalentTo(results.Select(r => r.Initiative!.Id));
    }

    [Fact]
    public async Task A_submitted_initiative_can_be_read_back_with_the_time_it_was_submitted()
    {
        var code = await NewNeighbourhood();
        var id = Guid.NewGuid();

        var result = await hub.Grains.GetGrain<IInitiativeGrain>(id)
            .Submit(new SubmitInitiative("  Moestuin  ", "Groente voor de buurt.", code, Theme.Green), TestPeople.Initiator);

        var expected = new InitiativeDetails(id, "Moestuin", "Groente voor de buurt.", Theme.Green,
            InitiativeStatus.Submitted, code, HubTestCluster.Time.GetUtcNow());
        result.Should().BeEquivalentTo(SubmitResult.Accepted(expected));
        (await hub.Grains.GetGrain<IInitiativeGrain>(id).GetDetails()).Should().Be(expected);
    }

    [Fact]
    public async Task Bad_input_stores_nothing_and_adds_no_feed_item()
    {
        var code = await NewNeighbourhood();
        var id = Guid.NewGuid();

        var result = await hub.Grains.GetGrain<IInitiativeGrain>(id)
            .Submit(new SubmitInitiative(" ", "Een plan.", code, Theme.Play), TestPeople.Initiator);

        result.Initiative.Should().BeNull();
        result.Errors.Should().Equal(new UserError("REQUIRED", "title", "The title is required and cannot be only spaces."));
        (await hub.Grains.GetGrain<IInitiativeGrain>(id).GetDetails()).Should().BeNull();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_neighbourhood_is_rejected_together_with_other_errors()
    {
        var result = await hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid())
            .Submit(new SubmitInitiative("", "Een plan.", "nergenshuizen", Theme.Play), TestPeople.Initiator);

        result.Errors.Should().Equal(
            new UserError("REQUIRED", "title", "The title is required and cannot be only spaces."),
            new UserError("UNKNOWN_NEIGHBOURHOOD", "neighbourhoodCode",
                "The neighbourhood code must be one of the known neighbourhoods; 'nergenshuizen' is not."));
    }

    [Fact]
    public async Task Submitting_the_same_initiative_again_returns_it_unchanged_and_adds_no_second_feed_item()
    {
        var code = await NewNeighbourhood();
        var id = Guid.NewGuid();
        var first = await Submit(code, "Speeltuin", id);

        var again = await Submit(code, "Speeltuin", id);
        await hub.Grains.Delivered(id);

        again.Should().BeEquivalentTo(first);
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_different_submission_under_a_used_id_is_refused()
    {
        var code = await NewNeighbourhood();
        var id = Guid.NewGuid();
        await Submit(code, "Speeltuin", id);

        var other = await Submit(code, "Iets anders", id);

        other.Errors.Should().Equal(new UserError("ALREADY_SUBMITTED", "initiativeId", "This initiative was submitted already."));
        (await hub.Grains.GetGrain<IInitiativeGrain>(id).GetDetails())!.Title.Should().Be("Speeltuin");
    }

    [Fact]
    public async Task A_submitted_initiative_shows_its_dated_step_and_the_expected_dates_of_the_steps_ahead()
    {
        var code = await NewNeighbourhood();
        var id = Guid.NewGuid();
        var submitted = await Submit(code, "Speeltuin", id);

        var timeline = await hub.Grains.GetGrain<IInitiativeGrain>(id).GetTimeline();

        timeline!.Passed.Should().Equal(new TimelineStep(InitiativeStatus.Submitted, submitted.Initiative!.SubmittedAt, InitiativeGrain.SubmittedText, InitiativeGrain.InitiatorLabel));
        timeline.Ahead.Should().Equal(
            new PlannedStep(InitiativeStatus.Submitted, 5, new DateOnly(2026, 3, 9), true),
            new PlannedStep(InitiativeStatus.Exploring, 15, new DateOnly(2026, 3, 30), false),
            new PlannedStep(InitiativeStatus.WorkingOut, 20, new DateOnly(2026, 4, 29), false),
            new PlannedStep(InitiativeStatus.Decision, 20, new DateOnly(2026, 6, 1), false),
            new PlannedStep(InitiativeStatus.Realisation, 60, new DateOnly(2026, 8, 24), false));
        timeline.ExpectedCompletion.Should().Be(new DateOnly(2026, 8, 24));
        timeline.CurrentStepOverdue.Should().BeFalse();
        (await hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid()).GetTimeline()).Should().BeNull();
    }
}
