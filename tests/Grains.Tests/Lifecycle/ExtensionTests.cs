using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

public sealed class ExtensionTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{

    [Fact]
    public async Task An_extension_moves_the_current_step_and_the_steps_after_it_and_is_announced_with_its_reason()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 3, 20), "De contactpersoon is ziek. Een collega belt u volgende week."), "Sanne de Vries");

        result.Errors.Should().BeEmpty();
        var timeline = await grain.GetTimeline();
        timeline!.Ahead.Take(2).Should().Equal(
            new PlannedStep(InitiativeStatus.Submitted, 5, new DateOnly(2026, 3, 20), true, true),
            new PlannedStep(InitiativeStatus.Exploring, 15, new DateOnly(2026, 4, 13), false));
        timeline.Extensions.Should().Equal(new StepExtension(InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 20),
            "De contactpersoon is ziek. Een collega belt u volgende week.", "Sanne de Vries", HubTestCluster.Time.GetUtcNow()));
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(1, 10)).Select(i => (i.Kind, i.Text)).Should().Equal(
            (FeedItemKind.StepExtended, "De stap Ingediend duurt langer: klaar rond 20 maart 2026. Reden: De contactpersoon is ziek. Een collega belt u volgende week."));
    }

    [Fact]
    public async Task An_extension_needs_a_reason_and_a_later_date()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 3, 9), " "), "Sanne de Vries");

        result.Errors.Should().Equal(
            new UserError("TOO_EARLY", "newDate", "The new date must be later than the current expected date, 2026-03-09."),
            new UserError("REQUIRED", "reason", "An extension needs a reason."));
        (await grain.GetTimeline())!.Extensions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_step_that_moves_on_drops_the_extension_from_its_plan()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        await grain.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 3, 20), "Er is meer tijd nodig voor het eerste gesprek."), "Sanne de Vries");

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");

        (await grain.GetTimeline())!.Ahead[0].Should().Be(new PlannedStep(InitiativeStatus.Exploring, 15, new DateOnly(2026, 3, 23), true));
    }
}
