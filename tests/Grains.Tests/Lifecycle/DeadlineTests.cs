using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

/// <summary>Deadlines: a step past its norm is announced once and, past the escalation period, goes on the Bestuur op Maat agenda.</summary>
public sealed class DeadlineTests(DeadlineCluster hub) : IClassFixture<DeadlineCluster>
{
    [Fact]
    public async Task A_step_past_its_norm_is_announced_once_then_escalated_and_leaves_the_agenda_when_it_moves_on()
    {
        // One test walks the clock forward; the cluster's clock is its own.
        var code = TestNames.Neighbourhood();
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(code);
        await neighbourhood.Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var id = Guid.NewGuid();
        var initiative = hub.Grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Speeltuin", "Een plek om te spelen.", code, Theme.Play), TestPeople.Initiator); // Monday 2 March; due Monday 9 March
        var agenda = EscalationAgenda.Get(hub.Grains);

        DeadlineCluster.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero)); // the due day itself
        await initiative.CheckDeadline();
        var onTime = await initiative.GetTimeline();

        DeadlineCluster.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero)); // a day late
        await initiative.CheckDeadline();
        await initiative.CheckDeadline(); // a second check announces nothing new
        await initiative.DeliverOutbox();
        var late = await initiative.GetTimeline();
        var agendaWhenLate = await agenda.List();

        DeadlineCluster.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 24, 6, 0, 0, TimeSpan.Zero)); // 11 working days late
        await initiative.CheckDeadline();
        await initiative.DeliverOutbox();
        var escalated = await agenda.List();

        await initiative.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await initiative.DeliverOutbox();
        var afterChange = await agenda.List();

        onTime!.CurrentStepOverdue.Should().BeFalse();
        late!.CurrentStepOverdue.Should().BeTrue();
        agendaWhenLate.Should().NotContain(i => i.InitiativeId == id);
        escalated.Should().ContainSingle(i => i.InitiativeId == id).Which.Should().Be(new AgendaItem(
            id, "Speeltuin", code, InitiativeStatus.Submitted, new DateOnly(2026, 3, 9), 11,
            "De stap Ingediend is 11 werkdagen over de termijn van 5 werkdagen (klaar verwacht op 9 maart 2026).",
            new DateTimeOffset(2026, 3, 24, 6, 0, 0, TimeSpan.Zero)));
        afterChange.Should().NotContain(i => i.InitiativeId == id);
        (await neighbourhood.GetAfter(0, 10)).Select(i => (i.Sequence, i.Kind, i.Text)).Should().Equal(
            (1L, FeedItemKind.InitiativeSubmitted, "Er is een nieuw initiatief ingediend in uw buurt."),
            (2L, FeedItemKind.StepOverdue, "De stap Ingediend duurt langer dan afgesproken. Die zou klaar zijn op 9 maart 2026."),
            (3L, FeedItemKind.StatusChanged, "Verkenning: We hebben met u gepraat."));
    }

    [Fact]
    public async Task The_neighbourhoods_check_asks_its_initiatives_past_their_day_to_check_their_deadline()
    {
        var code = TestNames.Neighbourhood();
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(code);
        await neighbourhood.Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var id = Guid.NewGuid();
        var start = DeadlineCluster.Clock.GetUtcNow();
        await hub.Grains.GetGrain<IInitiativeGrain>(id).Submit(new SubmitInitiative("Moestuin", "", code, Theme.Green), TestPeople.Initiator);
        await hub.Grains.Delivered(id);
        var observer = new FirstFeedItem();
        await neighbourhood.Subscribe(hub.Cluster.Client.CreateObjectReference<IFeedObserver>(observer));

        DeadlineCluster.Clock.SetUtcNow(start.AddDays(30));
        await neighbourhood.CheckDeadlines();

        var notice = await observer.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (notice.Kind, notice.InitiativeId, notice.Sequence).Should().Be((FeedItemKind.StepOverdue, id, 2L));
    }

    [Fact]
    public async Task A_neighbourhood_keeps_a_reminder_that_checks_its_deadlines_every_hour()
    {
        var code = TestNames.Neighbourhood();

        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));

        var silo = (InProcessSiloHandle)hub.Cluster.Primary!;
        var reminders = silo.SiloHost.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("neighbourhood", code);
        var rows = await reminders.ReadRows(grainId);
        rows.Reminders.Select(r => (r.ReminderName, r.Period)).Should().Equal((NeighbourhoodGrain.DeadlineReminder, TimeSpan.FromHours(1)));
    }
}
