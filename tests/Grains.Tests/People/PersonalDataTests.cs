using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.People;

public sealed class PersonalDataTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static readonly KanoScores Kano = new(4, 4, 5, 4, 5, 4, 5);

    [Fact]
    public async Task The_initiator_is_stored_privately_and_the_access_facts_name_them()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood();
        await grain.AddPartner(new Partner("Pré Wonen", PartnerKind.HousingCorporation, "Levert de grond", "partner-7"), "Initiatiefnemer");

        (await grain.GetInitiator()).Should().Be(new Initiator(TestPeople.Initiator.UserId, TestPeople.Initiator.Name));
        (await grain.GetAccess()).Should().BeEquivalentTo(new InitiativeAccess(id, TestPeople.Initiator.UserId, null, ["partner-7"]));
    }

    [Fact]
    public async Task A_person_download_holds_their_initiator_record_support_input_and_ratings_only()
    {
        var code = (await hub.SubmitInNewNeighbourhood()).Code;
        var id = Guid.NewGuid();
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(id);
        await grain.Submit(new SubmitInitiative("Moestuin", "", code, Theme.Green, " ilse@example.nl ", "023 511 5115"), TestPeople.Initiator);
        await grain.GiveInput("resident-2", InputKind.Question, "Mag ik meedoen?");
        await grain.GiveInput("resident-2", InputKind.Support, null);
        await grain.GiveInput("resident-3", InputKind.Idea, "Een bankje erbij.");

        var initiator = await grain.GetPersonData(TestPeople.Initiator.UserId);
        var resident = await grain.GetPersonData("resident-2");

        initiator!.AsInitiator.Should().Be(new Initiator(TestPeople.Initiator.UserId, TestPeople.Initiator.Name, "ilse@example.nl", "023 511 5115"));
        initiator.Input.Should().BeEmpty();
        resident!.AsInitiator.Should().BeNull();
        resident.Supports.Should().BeTrue();
        resident.Input.Select(i => i.Text).Should().Equal("Mag ik meedoen?");
    }

    [Fact]
    public async Task Forgetting_a_person_erases_their_identity_but_keeps_their_input_support_and_ratings_anonymous()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood();
        var person = hub.Grains.GetGrain<IPersonGrain>("resident-9");
        using (ChangeStamp.Apply(new ChangeStamp("resident-9", "Rik", "giveInput", RemembersPerson: true)))
        {
            await grain.GiveInput("resident-9", InputKind.Question, "Komt er een schommel?");
        }

        await grain.DeliverOutbox();
        (await person.GetInitiatives()).Should().Equal(id);
        await grain.GiveInput("resident-9", InputKind.Support, null);
        await grain.GiveInput("resident-8", InputKind.Support, null);
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");
        await grain.Rate("resident-9", false, Milestone.AfterExploring, 8, Kano, null);

        await person.Forget();

        var input = await grain.GetInput();
        input!.SupportCount.Should().Be(2);
        input.Items.Should().ContainSingle().Which.Text.Should().Be("Komt er een schommel?");
        input.Items[0].ResidentId.Should().StartWith("erased:");
        (await grain.GetRatings())!.Should().ContainSingle().Which.RaterId.Should().Be(input.Items[0].ResidentId);
        (await grain.GetPersonData("resident-9"))!.Should().BeEquivalentTo(new PersonInitiativeData((await grain.GetDetails())!, null, false, [], []));
        (await person.GetInitiatives()).Should().BeEmpty();
    }

    [Fact]
    public async Task Forgetting_the_initiator_removes_their_name_and_contact_details_and_their_rights()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood();
        var person = hub.Grains.GetGrain<IPersonGrain>(TestPeople.Initiator.UserId);
        await HubTestCluster.Tables.Deliver(new TableDelivery(id, [], [TestPeople.Initiator.UserId], null));

        await person.Forget();

        (await grain.GetInitiator()).Should().BeNull();
        (await grain.GetAccess())!.InitiatorId.Should().BeNull();
        AccessRules.Allows(TestPeople.Initiator, HubAction.Withdraw, await grain.GetAccess()).Should().BeFalse();
        (await grain.GetDetails())!.Title.Should().Be("Speeltuin");
    }
}
