using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Officials;

public sealed class ContactOfficialTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static ContactOfficial Sanne(string id) => new(id, "Sanne de Vries", "Gebiedsverbinder", "Team Zuid-West", "s.devries@haarlem.nl", "023 511 5115");

    private static ContactOfficial Ahmed(string id) => new(id, "Ahmed Bakker", "Contactambtenaar", "Team Groen", "a.bakker@haarlem.nl", null);


    [Fact]
    public async Task An_assigned_contact_official_is_shown_announced_and_gets_the_initiative_in_their_queue()
    {
        var (grain, id, code) = await hub.SubmitInNewNeighbourhood();
        var official = $"official-{Guid.NewGuid():N}";

        var result = await grain.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await grain.DeliverOutbox();

        result.Errors.Should().BeEmpty();
        var contact = await grain.GetContact();
        contact!.Current.Should().Be(Sanne(official));
        contact.Handovers.Should().Equal(new Handover(null, "Sanne de Vries", null, "Coördinator Jan", HubTestCluster.Time.GetUtcNow()));
        (await grain.GetFile())!.ChangeLog.Should().Equal(new Grains.Partners.ChangeLogEntry(
            "Contactpersoon", null, "Sanne de Vries (Gebiedsverbinder, Team Zuid-West)", "Coördinator Jan", HubTestCluster.Time.GetUtcNow(), null));
        (await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue()).Should().Equal(
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9)));
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(1, 10)).Select(i => (i.Kind, i.Text)).Should().Equal(
            (FeedItemKind.ContactOfficialChanged, "De contactpersoon is nu Sanne de Vries (Gebiedsverbinder, Team Zuid-West)."));
    }

    [Fact]
    public async Task A_handover_is_logged_with_its_reason_and_moves_the_initiative_to_the_new_officials_queue()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood();
        var first = $"official-{Guid.NewGuid():N}";
        var second = $"official-{Guid.NewGuid():N}";
        await grain.AssignContactOfficial(Sanne(first), "Coördinator Jan", null);

        await grain.AssignContactOfficial(Ahmed(second), "Coördinator Jan", "Sanne gaat met verlof.");
        await grain.DeliverOutbox();

        (await grain.GetContact())!.Handovers[^1].Should().Be(new Handover("Sanne de Vries", "Ahmed Bakker", "Sanne gaat met verlof.", "Coördinator Jan", HubTestCluster.Time.GetUtcNow()));
        (await hub.Grains.GetGrain<IOfficialGrain>(first).GetQueue()).Should().BeEmpty();
        (await hub.Grains.GetGrain<IOfficialGrain>(second).GetQueue()).Select(i => i.InitiativeId).Should().Equal(id);
    }

    [Fact]
    public async Task The_queue_follows_the_steps_soonest_due_first_and_drops_an_initiative_that_ends()
    {
        var official = $"official-{Guid.NewGuid():N}";
        var (early, earlyId, _) = await hub.SubmitInNewNeighbourhood("Vroeg");
        var (later, laterId, _) = await hub.SubmitInNewNeighbourhood("Later");
        await later.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await early.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await later.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");

        await hub.Grains.Delivered(earlyId, laterId);
        var queue = await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue();
        await early.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Withdrawn, "We stoppen.", Reason: "Geen tijd meer."), "Initiatiefnemer");
        await early.DeliverOutbox();
        var afterWithdrawal = await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue();

        queue.Should().Equal(
            new WorkItem(earlyId, "Vroeg", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9)),
            new WorkItem(laterId, "Later", InitiativeStatus.Exploring, new DateOnly(2026, 3, 23)));
        afterWithdrawal.Select(i => i.InitiativeId).Should().Equal(laterId);
    }

    [Fact]
    public async Task Wrong_details_of_an_official_are_refused_naming_each_field()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        var result = await grain.AssignContactOfficial(new ContactOfficial("x", " ", "Rol", "Team", "geen-adres", "bel me"), "Coördinator Jan", null);

        result.Errors.Should().Equal(
            new UserError("REQUIRED", "name", "The name is required."),
            new UserError("INVALID_EMAIL", "email", "The email address must be a valid address, such as s.devries@haarlem.nl."),
            new UserError("INVALID_PHONE", "phone", "The phone number may have at most 20 digits, spaces, '+' and '-'."));
        (await grain.GetContact())!.Current.Should().BeNull();
    }

    [Fact]
    public async Task Input_waiting_for_an_answer_is_in_the_officials_queue_by_its_due_day_until_it_is_answered()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood();
        var official = $"official-{Guid.NewGuid():N}";
        await grain.GiveInput("resident-1", Grains.Input.InputKind.Question, "Komt er een schommel?");
        await grain.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await grain.GiveInput("resident-2", Grains.Input.InputKind.Concern, "Wordt het te druk?");
        var queue = hub.Grains.GetGrain<IOfficialGrain>(official);

        await grain.DeliverOutbox();
        var before = await queue.GetQueue();
        await grain.AnswerInput(1, "Ja, er komt een schommel.", Grains.Input.InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);
        await grain.DeliverOutbox();
        var after = await queue.GetQueue();

        before.Should().Equal(
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9)),
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 1),
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 2));
        after.Should().Equal(
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9)),
            new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 2));
    }
}
