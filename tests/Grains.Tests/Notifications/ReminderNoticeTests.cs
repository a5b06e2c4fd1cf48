using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Notifications;

/// <summary>A cluster whose clock only this class walks.</summary>
public sealed class ReminderNoticeCluster : OwnClockCluster<ReminderNoticeCluster>;

/// <summary>Notices nobody asks for but everybody needs: agreements close to or past their day, initiatives nobody picked up, escalations.</summary>
public sealed class ReminderNoticeTests(ReminderNoticeCluster hub) : IClassFixture<ReminderNoticeCluster>
{
    private static readonly Actor Initiator = new("ini-reminders", "Ilse", new HashSet<HubRole> { HubRole.Resident });

    [Fact]
    public async Task Agreements_are_recalled_before_and_after_their_day_and_coordinators_hear_of_unassigned_and_escalated_initiatives()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var coordinator = hub.Grains.GetGrain<IPersonGrain>("official:coordinator-reminders");
        await coordinator.UpdateProfile(null, new HashSet<HubRole> { HubRole.Official, HubRole.Coordinator });
        var withContact = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        var unassigned = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        await withContact.Submit(new SubmitInitiative("Buurtfeest", "", code, Theme.Social), Initiator);
        await unassigned.Submit(new SubmitInitiative("Moestuin", "", code, Theme.Green), Initiator);
        await withContact.AssignContactOfficial(new ContactOfficial("official:sanne-reminders", "Sanne", "Wijkregisseur", "Noord", "s@haarlem.nl", null), "Kees", null);
        await withContact.RecordAgreement("De gemeente", "brengt tafels", new DateOnly(2026, 3, 12), "Sanne");

        async Task CheckAt(int day, int hour = 7)
        {
            ReminderNoticeCluster.Clock.SetUtcNow(new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero));
            // One initiative's notices are delivered before the next one checks, so the coordinator's inbox has one order.
            await withContact.CheckDeadline();
            await hub.Grains.Delivered(withContact.GetPrimaryKey());
            await unassigned.CheckDeadline();
            await hub.Grains.Delivered(unassigned.GetPrimaryKey());
        }

        await CheckAt(9);                 // three days before: nothing yet
        var before = (await Texts("ini-reminders")).Where(IsReminder).ToList();
        await CheckAt(10);                // two days before
        await CheckAt(10, 9);             // again: nothing new
        await CheckAt(13);                // the day after
        await CheckAt(24);                // the unassigned one is 11 working days late

        before.Should().BeEmpty();
        var expectedForInitiator = new[]
        {
            "Over een paar dagen, op 12 maart 2026, moet deze afspraak klaar zijn: De gemeente brengt tafels.",
            "De afspraak \"De gemeente brengt tafels\" moest klaar zijn op 12 maart 2026. Is het gebeurd? Zet de afspraak dan op nagekomen, anders op niet nagekomen.",
        };
        (await Texts("ini-reminders")).Where(IsReminder).Should().Equal(expectedForInitiator);
        (await Texts("official:sanne-reminders")).Where(IsReminder).Should().Equal(expectedForInitiator);
        // Both initiatives stayed in their first step; only the one without a contact official was "not picked up".
        var escalated = "Op de agenda van Bestuur op Maat: De stap Ingediend is 11 werkdagen over de termijn van 5 werkdagen (klaar verwacht op 9 maart 2026).";
        (await hub.Grains.GetGrain<IPersonGrain>("official:coordinator-reminders").GetInboxAfter(0, 100)).Select(i => (i.Title, i.Text)).Should().Equal(
            ("Moestuin", "Dit initiatief heeft nog geen contactpersoon. De stap Ingediend duurt langer dan afgesproken. Die zou klaar zijn op 9 maart 2026."),
            ("Buurtfeest", escalated),
            ("Moestuin", escalated));
    }

    private static bool IsReminder(string text) => text.StartsWith("Over een paar dagen", StringComparison.Ordinal) || text.StartsWith("De afspraak \"", StringComparison.Ordinal);

    private async Task<List<string>> Texts(string userId) =>
        (await hub.Grains.GetGrain<IPersonGrain>(userId).GetInboxAfter(0, 100)).Select(i => i.Text).ToList();
}
