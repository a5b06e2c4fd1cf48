using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Grains.Tests.Desk;

/// <summary>
/// The desk's grains: registering a resident without DigiD, acting for them (stamped with the desk
/// worker and the channel), routing their notices to letters and calls, and the take-over with
/// the one-time code.
/// </summary>
public sealed class DeskTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static readonly Assistance ByPhone = new("desk-1", "Bea Balie", ContactChannel.Phone);
    private static readonly Assistance AtCounter = new("desk-1", "Bea Balie", ContactChannel.Counter);

    private T Silo<T>() where T : notnull => ((InProcessSiloHandle)hub.Cluster.Primary!).SiloHost.Services.GetRequiredService<T>();

    private static ResidentRegistration Registration(string name = "Truus de Wit", string? phone = "06 12345678", string? email = null, string language = "nl", bool consent = true) =>
        new(name, " Kleverparkweg ", "12a", "2023cd", "Haarlem", phone, email, language, consent);

    private async Task<(IPersonGrain Person, string UserId)> Registered(ResidentRegistration? registration = null)
    {
        var userId = $"{PersonGrain.DeskPrefix}{Guid.NewGuid():N}";
        var person = hub.Grains.GetGrain<IPersonGrain>(userId);
        (await person.Register(registration ?? Registration(), ByPhone)).Should().BeEmpty();
        return (person, userId);
    }

    private async Task<string> NewNeighbourhood()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        return code;
    }

    private async Task<IInitiativeGrain> SubmitFor(string userId, string name, Assistance? desk, string title = "Bankje bij de bushalte")
    {
        var code = await NewNeighbourhood();
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        using (ChangeStamp.Apply(new ChangeStamp(userId, name, "submitInitiative", RemembersPerson: true, desk)))
        {
            (await grain.Submit(new SubmitInitiative(title, "Oudere buren willen kunnen zitten.", code, Theme.Social), new Actor(userId, name, new HashSet<HubRole> { HubRole.Resident }))).Errors.Should().BeEmpty();
        }

        await grain.DeliverOutbox();
        return grain;
    }

    [Fact]
    public async Task Registering_refuses_every_wrong_field_by_name_and_rule_and_stores_nothing()
    {
        var person = hub.Grains.GetGrain<IPersonGrain>($"{PersonGrain.DeskPrefix}{Guid.NewGuid():N}");

        var errors = await person.Register(new ResidentRegistration(" ", "", "twaalf", "2023 C", "", "12345", "truus@", "de", true), AtCounter);

        errors.Select(e => (e.Code, e.Field)).Should().Equal(
            ("REQUIRED", "name"), ("REQUIRED", "street"), ("INVALID", "houseNumber"), ("INVALID", "postcode"), ("REQUIRED", "town"),
            ("INVALID", "phone"), ("INVALID", "email"), ("INVALID", "language"));
        errors.Single(e => e.Field == "postcode").Message.Should().Be("The postcode must be four digits and two letters, for example 2011 AB.");
        (await person.GetRecord()).Should().BeNull();
    }

    [Fact]
    public async Task Registering_without_a_house_number_or_postcode_asks_for_them_instead_of_calling_them_wrong()
    {
        var person = hub.Grains.GetGrain<IPersonGrain>($"{PersonGrain.DeskPrefix}{Guid.NewGuid():N}");

        var errors = await person.Register(new ResidentRegistration("Truus Bakker", "Kleverparkweg", " ", "", "Haarlem", "023 512 3456", null, "nl", true), AtCounter);

        errors.Select(e => (e.Code, e.Field, e.Message)).Should().Equal(
            ("REQUIRED", "houseNumber", "Give the house number."), ("REQUIRED", "postcode", "Give the postcode."));
        (await person.GetRecord()).Should().BeNull();
    }

    [Fact]
    public async Task A_registered_resident_has_a_tidy_address_their_consent_and_a_code_and_the_desk_finds_them_by_name_or_address()
    {
        var (person, userId) = await Registered(Registration(name: " Truus de Wít-Özdemir "));

        var record = (await person.GetRecord())!;
        var again = await person.Register(Registration(), ByPhone);
        var byName = await Silo<IResidentDirectory>().Find("wit-ozdem", null, null, 10);
        var byAddress = await Silo<IResidentDirectory>().Find(null, "2023 CD", "12A", 10);

        record.Profile.Should().Be(new ResidentProfile("Truus de Wít-Özdemir", new PostalAddress("Kleverparkweg", "12a", "2023 CD", "Haarlem"), "0612345678", HubTestCluster.Time.GetUtcNow(), "Bea Balie"));
        record.Consent.Should().Be(new ResidentConsent(HubTestCluster.Time.GetUtcNow(), "Bea Balie", ContactChannel.Phone));
        record.TakeOverCode.Should().MatchRegex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$");
        record.TakeOverExpires.Should().Be(HubTestCluster.Time.GetUtcNow() + PersonGrain.TakeOverCodeLifetime);
        again.Select(e => (e.Code, e.Field)).Should().Equal(("ALREADY_SUBMITTED", "resident"));
        byName.Select(r => r.UserId).Should().Equal(userId);
        byAddress.Select(r => r.UserId).Should().Contain(userId);
    }

    [Fact]
    public async Task What_the_desk_does_for_a_resident_names_the_desk_worker_and_the_channel_but_the_public_sees_only_the_channel()
    {
        var (_, userId) = await Registered();
        var grain = await SubmitFor(userId, "Truus de Wit", ByPhone);
        var id = grain.GetPrimaryKey();
        var other = await SubmitFor(TestPeople.Initiator.UserId, TestPeople.Initiator.Name, null, "Zandbak");
        using (ChangeStamp.Apply(new ChangeStamp(userId, "Truus de Wit", "giveInput", RemembersPerson: true, AtCounter)))
        {
            (await other.GiveInput(userId, InputKind.Concern, "Katten gebruiken de zandbak.")).Errors.Should().BeEmpty();
        }

        await other.DeliverOutbox();

        (await grain.GetInitiator()).Should().Be(new Initiator(userId, "Truus de Wit", null, null, ByPhone));
        (await grain.GetTimeline())!.Passed.Select(s => s.SetBy).Should().Equal("Initiatiefnemer (via de telefoon)");
        (await other.GetInput())!.Items.Select(i => (i.ResidentId, i.AssistedBy, i.Channel)).Should().Equal((userId, AtCounter, ContactChannel.Counter));
        var audit = (await HubTestCluster.Tables.Read(DateOnly.FromDateTime(HubTestCluster.Time.GetUtcNow().UtcDateTime)))
            .Where(e => e.OnBehalfOf == userId).OrderBy(e => e.Action, StringComparer.Ordinal).ToList();
        audit.Select(e => (e.UserId, e.UserName, e.Action, e.InitiativeId, e.Channel)).Should().Equal(
            ("desk-1", "Bea Balie", "giveInput", other.GetPrimaryKey(), ContactChannel.Counter),
            ("desk-1", "Bea Balie", "submitInitiative", id, ContactChannel.Phone));
        (await hub.Grains.GetGrain<IPersonGrain>(userId).GetInitiatives()).Should().BeEquivalentTo([id, other.GetPrimaryKey()]);
    }

    [Fact]
    public async Task Notices_go_by_letter_or_phone_as_chosen_and_on_the_site_when_that_channel_cannot_reach_the_resident()
    {
        var (letterPerson, byLetter) = await Registered(Registration(phone: null));
        var (phonePerson, byPhone) = await Registered();
        var (noPhonePerson, noPhone) = await Registered();
        var phoneSettings = (await phonePerson.GetSettings(null)) with { Channels = new Dictionary<NoticeKind, NoticeChannel> { [NoticeKind.OwnInitiative] = NoticeChannel.Phone } };
        (await phonePerson.SetSettings(phoneSettings)).Should().BeEmpty();
        (await noPhonePerson.SetSettings(phoneSettings)).Should().BeEmpty();
        // The phone number goes after the choice was made: the notices cannot go by phone any more.
        (await noPhonePerson.SetContact(null, null, null, null, null, null)).Should().BeEmpty();
        var refused = await letterPerson.SetSettings(phoneSettings);
        var grains = new[]
        {
            await SubmitFor(byLetter, "Truus de Wit", AtCounter),
            await SubmitFor(byPhone, "Truus de Wit", ByPhone),
            await SubmitFor(noPhone, "Truus de Wit", ByPhone),
        };

        foreach (var grain in grains)
        {
            (await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        }

        await hub.Grains.Delivered([.. grains.Select(g => g.GetPrimaryKey())]);
        const string Exploring = "Verkenning: We hebben met u gepraat.";

        var routed = Silo<IInboxRows>().Should().BeOfType<MemoryInboxRows>().Subject.Routed;
        lock (routed)
        {
            routed.Where(r => r.UserId == byLetter || r.UserId == byPhone || r.UserId == noPhone)
                .Select(r => (r.UserId, r.Item.Text, r.Route))
                .Should().BeEquivalentTo([(byLetter, Exploring, NoticeRoute.Letter), (byPhone, Exploring, NoticeRoute.Phone), (noPhone, Exploring, NoticeRoute.Site)]);
        }

        (await letterPerson.GetLatestInbox(5)).Select(i => (i.Title, i.Text)).Should().Equal(("Bankje bij de bushalte", Exploring));
        refused.Select(e => (e.Code, e.Field)).Should().Equal(("INVALID", "channels"));
    }

    [Fact]
    public async Task A_resident_takes_the_desk_record_over_once_with_the_code_and_from_then_on_has_one_history()
    {
        var (record, recordId) = await Registered();
        var code = (await record.GetRecord())!.TakeOverCode!;
        var byDesk = await SubmitFor(recordId, "Truus de Wit", ByPhone);
        var digiD = $"resident:{Guid.NewGuid():N}";
        var own = await SubmitFor(digiD, "Truus de Wit", null, "Plantenbak");
        await hub.Grains.GetGrain<IPersonGrain>(digiD).FollowNeighbourhood("ter-kleef", true);
        var link = hub.Grains.GetGrain<IAccountLinkGrain>(digiD);

        var badFormat = await link.TakeOver("K7QM", "Truus de Wit");
        var unknown = await link.TakeOver("ZZZZ-ZZZZ", "Truus de Wit");
        var taken = await link.TakeOver(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "Truus de Wit");
        var twice = await link.TakeOver(code, "Truus de Wit");
        var byAnother = await hub.Grains.GetGrain<IAccountLinkGrain>($"resident:{Guid.NewGuid():N}").TakeOver(code, "Iemand anders");
        await hub.Grains.Delivered(own.GetPrimaryKey());

        badFormat.UserId.Should().BeNull();
        badFormat.Errors.Select(e => (e.Code, e.Field)).Should().Equal(("INVALID", "code"));
        unknown.Errors.Select(e => e.Code).Should().Equal("UNKNOWN_CODE");
        taken.Should().BeEquivalentTo(new TakeOverResult(recordId, []));
        twice.Errors.Select(e => e.Code).Should().Equal("ALREADY_SUBMITTED");
        byAnother.Errors.Select(e => e.Code).Should().Equal("CODE_USED");
        (await link.Resolve()).Should().Be(recordId);
        (await own.GetInitiator())!.UserId.Should().Be(recordId);
        (await byDesk.GetInitiator())!.UserId.Should().Be(recordId);
        (await record.GetInitiatives()).Should().BeEquivalentTo([byDesk.GetPrimaryKey(), own.GetPrimaryKey()]);
        (await record.GetFollowedNeighbourhoods()).Should().Contain("ter-kleef");
        var after = (await record.GetRecord())!;
        (after.TakenOver, after.TakeOverCode).Should().Be((HubTestCluster.Time.GetUtcNow(), null));
        (await record.RenewTakeOverCode()).Should().BeNull("a record taken over needs no code any more");
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_a_new_code_replaces_the_old_one()
    {
        var (record, recordId) = await Registered();
        var first = (await record.GetRecord())!.TakeOverCode!;
        var second = (await record.RenewTakeOverCode())!;
        var expired = "QRST-UVWX";
        await Silo<IResidentDirectory>().StoreCode(PersonGrain.HashCode(expired), $"{PersonGrain.DeskPrefix}old", HubTestCluster.Time.GetUtcNow().AddDays(-1));
        var link = hub.Grains.GetGrain<IAccountLinkGrain>($"resident:{Guid.NewGuid():N}");

        var old = await link.TakeOver(first, "Truus de Wit");
        var late = await link.TakeOver(expired, "Truus de Wit");
        var fresh = await link.TakeOver(second, "Truus de Wit");

        second.Should().NotBe(first);
        old.Errors.Select(e => e.Code).Should().Equal("UNKNOWN_CODE");
        late.Errors.Select(e => (e.Code, e.Field, e.Message)).Should().Equal(("CODE_EXPIRED", "code", "This code has expired. Ask the desk for a new one."));
        fresh.UserId.Should().Be(recordId);
    }
}
