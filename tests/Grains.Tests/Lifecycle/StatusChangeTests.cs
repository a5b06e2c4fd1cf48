using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.PlainLanguage;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

public sealed class StatusChangeTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{

    [Fact]
    public async Task Setting_the_next_step_dates_it_on_the_timeline_and_announces_it_in_the_feed()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben een eerste gesprek gehad. Nu zoeken we een plek."), "Sanne de Vries");

        result.Errors.Should().BeEmpty();
        result.Initiative!.Status.Should().Be(InitiativeStatus.Exploring);
        var timeline = await grain.GetTimeline();
        timeline!.Passed.Select(s => (s.Status, s.SetBy)).Should().Equal((InitiativeStatus.Submitted, "Initiatiefnemer"), (InitiativeStatus.Exploring, "Sanne de Vries"));
        timeline.Passed[1].ReachedAt.Should().Be(HubTestCluster.Time.GetUtcNow());
        timeline.Ahead[0].Should().Be(new PlannedStep(InitiativeStatus.Exploring, 15, new DateOnly(2026, 3, 23), true));
        await grain.DeliverOutbox();
        var feed = await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10);
        feed.Select(i => (i.Sequence, i.Kind, i.Text)).Should().Equal(
            (1L, FeedItemKind.InitiativeSubmitted, "Er is een nieuw initiatief ingediend in uw buurt."),
            (2L, FeedItemKind.StatusChanged, "Verkenning: We hebben een eerste gesprek gehad. Nu zoeken we een plek."));
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_and_nothing_changes()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Realisation, "We gaan bouwen."), "Sanne de Vries");

        result.Errors.Should().Equal(new UserError("ILLEGAL_TRANSITION", "status",
            "An initiative in step Ingediend (Submitted) cannot go to Uitvoering (Realisation); the next step is Verkenning (Exploring)."));
        (await grain.GetDetails())!.Status.Should().Be(InitiativeStatus.Submitted);
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Should().ContainSingle();
    }

    [Fact]
    public async Task An_explanation_with_plain_language_hints_needs_publish_anyway()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        var officialese = new StatusChangeRequest(InitiativeStatus.Exploring, "Indien gewenst wordt u uitgenodigd voor een gesprek.");

        var blocked = await grain.ChangeStatus(officialese, "Sanne de Vries");
        var published = await grain.ChangeStatus(officialese with { PublishAnyway = true }, "Sanne de Vries");

        blocked.Errors.Should().Equal(new UserError("PLAIN_LANGUAGE", "explanation", "The text has 2 plain-language hint(s); improve it, or publish it anyway."));
        blocked.PlainLanguage!.Hints.Select(h => h.Kind).Should().Equal(PlainLanguageHintKind.Officialese, PlainLanguageHintKind.Passive);
        published.Errors.Should().BeEmpty();
        published.Initiative!.Status.Should().Be(InitiativeStatus.Exploring);
    }

    [Fact]
    public async Task A_decision_not_to_approve_ends_the_plan_and_a_withdrawal_ends_the_initiative()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries");
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");

        var decided = await grain.ChangeStatus(
            new StatusChangeRequest(InitiativeStatus.Decision, "Het college zegt nee.", DecisionOutcome.NotApproved, "Er is geen plek voor een speeltuin."), "Sanne de Vries");
        var timeline = await grain.GetTimeline();
        var withdrawn = await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Withdrawn, "We stoppen.", Reason: "Het plan kan niet door."), "Initiatiefnemer");

        decided.Errors.Should().BeEmpty();
        timeline!.Ahead.Select(s => s.Status).Should().Equal(InitiativeStatus.Decision);
        timeline.Passed[^1].Should().BeEquivalentTo(new { Status = InitiativeStatus.Decision, Outcome = DecisionOutcome.NotApproved, Reason = "Er is geen plek voor een speeltuin." });
        withdrawn.Initiative!.Status.Should().Be(InitiativeStatus.Withdrawn);
        (await grain.GetTimeline())!.Ahead.Should().BeEmpty();
    }
}
