using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Initiatives;

public sealed class UpdateTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    [Fact]
    public async Task Each_changed_text_is_logged_with_before_and_after_and_announced_once()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.UpdateInitiative(new InitiativeUpdate(Title: " Speeltuin aan het Spaarne ", Summary: "Een plek om te spelen.", Plan: "Zand en een schommel."), "Initiatiefnemer");

        result.Errors.Should().BeEmpty();
        result.Initiative!.Title.Should().Be("Speeltuin aan het Spaarne");
        result.Initiative.Plan.Should().Be("Zand en een schommel.");
        var now = HubTestCluster.Time.GetUtcNow();
        (await grain.GetFile())!.ChangeLog.Should().Equal(
            new ChangeLogEntry("Titel", "Speeltuin", "Speeltuin aan het Spaarne", "Initiatiefnemer", now, null),
            new ChangeLogEntry("Plan", null, "Zand en een schommel.", "Initiatiefnemer", now, null));
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(1, 10)).Select(i => (i.Kind, i.Title, i.Text)).Should().Equal(
            (FeedItemKind.FileChanged, "Speeltuin aan het Spaarne", "Het initiatief is aangepast: titel, plan."));
    }

    [Fact]
    public async Task After_the_decision_a_change_needs_a_reason_and_nothing_is_stored_without_one()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries");
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");
        var decided = await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Decision, "U mag beginnen.", DecisionOutcome.Approved), "Sanne de Vries");

        var refused = await grain.UpdateInitiative(new InitiativeUpdate(Conditions: "Geen lawaai na 22 uur."), "Sanne de Vries");
        var partner = await grain.AddPartner(new Partner("Buurthuis", PartnerKind.Foundation, "Leent tafels"), "Sanne de Vries");
        var accepted = await grain.UpdateInitiative(new InitiativeUpdate(Conditions: "Geen lawaai na 22 uur.", Reason: "Afspraak met de buren."), "Sanne de Vries");

        decided.Errors.Should().BeEmpty();
        refused.Errors.Select(e => (e.Code, e.Field, e.Message)).Should().Equal(("REQUIRED", "reason", "A reason is required for changes after the decision."));
        partner.Errors.Select(e => (e.Code, e.Field)).Should().Equal(("REQUIRED", "reason"));
        accepted.Initiative!.Conditions.Should().Be("Geen lawaai na 22 uur.");
        (await grain.GetFile())!.ChangeLog.Should().Equal(
            new ChangeLogEntry("Voorwaarden", null, "Geen lawaai na 22 uur.", "Sanne de Vries", HubTestCluster.Time.GetUtcNow(), "Afspraak met de buren."));
    }

    [Fact]
    public async Task Bad_texts_are_named_by_field_and_rule_and_an_unchanged_text_logs_nothing()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        var bad = await grain.UpdateInitiative(new InitiativeUpdate(Title: "  ", Plan: new string('x', InitiativeUpdate.PlanMaxLength + 1)), "Initiatiefnemer");
        var same = await grain.UpdateInitiative(new InitiativeUpdate(Title: "Speeltuin"), "Initiatiefnemer");

        bad.Errors.Select(e => (e.Code, e.Field, e.Message)).Should().Equal(
            ("REQUIRED", "title", "The title cannot be empty or only spaces."),
            ("TOO_LONG", "plan", $"The plan can be at most {InitiativeUpdate.PlanMaxLength} characters."));
        same.Errors.Should().BeEmpty();
        (await grain.GetFile())!.ChangeLog.Should().BeEmpty();
        (await grain.GetDetails())!.Title.Should().Be("Speeltuin");
    }

    [Fact]
    public async Task A_withdrawn_initiative_cannot_change_any_more()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Withdrawn, "We stoppen.", Reason: "We verhuizen."), "Initiatiefnemer");

        var result = await grain.UpdateInitiative(new InitiativeUpdate(Title: "Nieuw"), "Initiatiefnemer");

        result.Errors.Select(e => (e.Code, e.Field, e.Message)).Should().Equal(("CLOSED", "initiativeId", "The initiative is ingetrokken; it cannot change any more."));
    }

    [Fact]
    public async Task Following_is_counted_once_per_person_and_can_be_undone()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        await grain.Follow("resident-1");
        await grain.Follow("resident-1");
        await grain.Follow("resident-2");
        await grain.Unfollow("resident-2");

        (await grain.GetFollowerCount()).Should().Be(1);
        (await grain.GetPersonData("resident-1"))!.Follows.Should().BeTrue();
    }
}
