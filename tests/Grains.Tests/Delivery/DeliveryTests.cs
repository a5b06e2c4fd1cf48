using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Delivery;

/// <summary>
/// The outbox: a change is committed by the initiative's own write and delivered from there, and
/// every target takes an entry once however often it is delivered (at least once, after a crash).
/// </summary>
public sealed class DeliveryTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static ContactOfficial Sanne(string id) => new(id, "Sanne de Vries", "Gebiedsverbinder", "Team Zuid-West", "s.devries@haarlem.nl", null);

    [Fact]
    public async Task A_stamped_change_delivers_its_feed_item_index_summary_notice_work_item_audit_line_and_person_entry()
    {
        var (grain, id, code) = await hub.SubmitInNewNeighbourhood();
        var official = $"official-{Guid.NewGuid():N}";
        var follower = $"fol-{Guid.NewGuid():N}";
        await grain.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await grain.Follow(follower);

        using (ChangeStamp.Apply(new ChangeStamp("official-sanne", "Sanne de Vries", "changeStatus", RemembersPerson: true)))
        {
            (await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries")).Errors.Should().BeEmpty();
        }

        await grain.DeliverOutbox();

        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Select(i => (i.Sequence, i.Kind)).Should().Equal(
            (1L, FeedItemKind.InitiativeSubmitted), (2L, FeedItemKind.ContactOfficialChanged), (3L, FeedItemKind.StatusChanged));
        var today = WorkingDayOf(HubTestCluster.Time.GetUtcNow());
        var listed = await hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code).List(new InitiativeFilter(Status: InitiativeStatus.Exploring), null, 10, today);
        listed.Items.Select(i => i.Id).Should().Equal(id);
        (await hub.Grains.GetGrain<IPersonGrain>(follower).GetInboxAfter(0, 10)).Select(i => i.Text).Should().Equal("Verkenning: We hebben met u gepraat.");
        (await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue()).Should().Equal(
            new WorkItem(id, "Speeltuin", InitiativeStatus.Exploring, new DateOnly(2026, 3, 23)));
        var lines = (await HubTestCluster.Tables.Read(DateOnly.FromDateTime(HubTestCluster.Time.GetUtcNow().UtcDateTime))).Where(e => e.InitiativeId == id).ToList();
        lines.Should().ContainSingle().Which.Should().Be(new AuditEntry(
            HubTestCluster.Time.GetUtcNow(), "official-sanne", "Sanne de Vries", "changeStatus", id, AuditOutcome.Done, lines[0].ChangeKey));
        lines[0].ChangeKey.Should().StartWith($"{id:N}:");
        (await HubTestCluster.Tables.Initiatives("official-sanne")).Should().Equal(id);
    }

    [Fact]
    public async Task Delivering_the_outbox_again_changes_nothing_anywhere()
    {
        var (grain, id, code) = await hub.SubmitInNewNeighbourhood();
        var official = $"official-{Guid.NewGuid():N}";
        await grain.AssignContactOfficial(Sanne(official), "Coördinator Jan", null);
        await grain.DeliverOutbox();
        var feed = await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10);
        var queue = await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue();
        var inbox = await hub.Grains.GetGrain<IPersonGrain>(official).GetInboxAfter(0, 10);

        await grain.DeliverOutbox();
        await grain.DeliverOutbox();

        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Should().Equal(feed);
        (await hub.Grains.GetGrain<IOfficialGrain>(official).GetQueue()).Should().Equal(queue);
        (await hub.Grains.GetGrain<IPersonGrain>(official).GetInboxAfter(0, 10)).Should().Equal(inbox);
        feed.Should().HaveCount(2);
        inbox.Should().ContainSingle();
    }

    [Fact]
    public async Task The_feed_takes_each_event_once_when_a_batch_is_sent_again_and_numbers_the_new_ones_after_it()
    {
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood());
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var batch = new[] { Entry(a, 1), Entry(a, 2), Entry(b, 1) };

        var first = await neighbourhood.PublishAll(batch);
        var again = await neighbourhood.PublishAll([.. batch, Entry(b, 2)]);

        first.Select(i => i!.Sequence).Should().Equal(1L, 2L, 3L);
        again.Select(i => i?.Sequence).Should().Equal(null, null, null, 4L);
        (await neighbourhood.GetAfter(0, 10)).Select(i => i.EventId).Should().Equal($"{a:N}:1", $"{a:N}:2", $"{b:N}:1", $"{b:N}:2");
    }

    [Fact]
    public async Task Concurrent_batches_from_many_initiatives_share_writes_and_leave_the_feed_gapless()
    {
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood());
        var initiatives = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(initiatives.Select(i => neighbourhood.PublishAll([Entry(i, 1), Entry(i, 2)])));

        var feed = await neighbourhood.GetAfter(0, 500);
        feed.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, 80).Select(n => (long)n));
        foreach (var initiative in initiatives)
        {
            feed.Where(i => i.InitiativeId == initiative).Select(i => i.EventId).Should().Equal($"{initiative:N}:1", $"{initiative:N}:2");
        }
    }

    [Fact]
    public async Task The_inbox_takes_each_notice_once()
    {
        var person = hub.Grains.GetGrain<IPersonGrain>($"res-{Guid.NewGuid():N}");
        var id = Guid.NewGuid();
        var notices = new[] { Notice(id, "1"), Notice(id, "2") };

        await person.DeliverAll(notices);
        await person.DeliverAll(notices);
        await person.Deliver(notices[0]);

        (await person.GetInboxAfter(0, 10)).Select(i => (i.Sequence, i.EventId)).Should().Equal((1L, $"{id:N}:1"), (2L, $"{id:N}:2"));
    }

    [Fact]
    public async Task A_work_queue_synced_twice_with_the_same_items_holds_them_once_and_an_empty_sync_removes_them()
    {
        var official = hub.Grains.GetGrain<IOfficialGrain>($"official-{Guid.NewGuid():N}");
        var (id, other) = (Guid.NewGuid(), Guid.NewGuid());
        var items = new[] { new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9)), new WorkItem(id, "Speeltuin", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 1) };
        await official.Sync(other, [new WorkItem(other, "Moestuin", InitiativeStatus.Exploring, new DateOnly(2026, 3, 23))]);

        await official.Sync(id, items);
        await official.Sync(id, items);
        var synced = await official.GetQueue();
        await official.Sync(id, []);

        synced.Select(i => (i.InitiativeId, i.InputNumber)).Should().Equal((id, null), (id, 1), (other, null));
        (await official.GetQueue()).Select(i => i.InitiativeId).Should().Equal(other);
    }

    [Fact]
    public async Task The_index_takes_a_summary_once_per_revision()
    {
        var code = TestNames.Neighbourhood();
        var index = hub.Grains.GetGrain<INeighbourhoodIndexGrain>(code);
        var summary = new InitiativeSummary(Guid.NewGuid(), 3, code, "Geveltuin", Theme.Green, InitiativeStatus.Submitted, HubTestCluster.Time.GetUtcNow(),
            null, null, new DateOnly(2026, 3, 9), [], [], [], []);
        var month = OverviewFigures.MonthOf(WorkingDayOf(HubTestCluster.Time.GetUtcNow()));

        await index.Report(summary);
        await index.Report(summary);
        await Task.WhenAll(index.Report(summary), index.Report(summary with { Revision = 2, Status = InitiativeStatus.Withdrawn }));

        var figures = await index.GetFigures(month, month, new DateOnly(2026, 3, 2));
        (figures.Submitted, figures.OpenSteps).Should().Be((1, 1));
        figures.ByStatus.Should().Equal(new Dictionary<InitiativeStatus, int> { [InitiativeStatus.Submitted] = 1 });
    }

    [Fact]
    public async Task The_agenda_holds_an_initiative_once_however_often_it_is_added()
    {
        var agenda = EscalationAgenda.Get(hub.Grains);
        var id = Guid.NewGuid();
        var item = new AgendaItem(id, "Speeltuin", "testbuurt", InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 11, "Te laat.", HubTestCluster.Time.GetUtcNow());

        await agenda.Add(item);
        await agenda.Add(item);

        (await agenda.List()).Where(i => i.InitiativeId == id).Should().Equal(item);
        await agenda.Remove(id);
        await agenda.Remove(id);
        (await agenda.List()).Should().NotContain(i => i.InitiativeId == id);
    }

    private static DateOnly WorkingDayOf(DateTimeOffset at) => Haarlem.Initiatives.Grains.Norms.WorkingDays.DayOf(at);

    private static FeedEntry Entry(Guid initiative, int number) =>
        new(initiative, number, FeedItemKind.FileChanged, "Speeltuin", $"Wijziging {number}", HubTestCluster.Time.GetUtcNow());

    private static PrivateEntry Notice(Guid initiative, string number) =>
        new("someone", FeedItemKind.StatusChanged, initiative, "Speeltuin", $"Bericht {number}", HubTestCluster.Time.GetUtcNow(), $"{initiative:N}:{number}");
}
