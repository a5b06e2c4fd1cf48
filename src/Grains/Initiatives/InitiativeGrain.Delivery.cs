using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>
/// One commit point per change (docs/write-path.md). A change is committed by one durable write:
/// this grain's state, which carries the change's outbox (feed entry, private notices, audit
/// line, person-index entry, which work queues and whether the agenda follow; the index summary
/// is derived from the state). The caller is answered after that write. The outbox is then
/// delivered in the background, at least once, to targets that each take an entry once (by
/// initiative and event number, event id, change key or revision), and batched there across
/// initiatives (group commit). A crash between commit and delivery is repaired by the delivery
/// sweeper, which finds the initiative in the pending ledger that the same write filled.
/// </summary>
public sealed partial class InitiativeGrain
{
    /// <summary>How often an outbox that a target could not take is offered again.</summary>
    public static readonly TimeSpan DeliveryRetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a grain on a node that shuts down waits for a delivery under way.</summary>
    public static readonly TimeSpan ShutdownDeliveryWait = TimeSpan.FromSeconds(1);

    // Per outbox list, how many entries at its end were added by a change whose write has not
    // succeeded yet: those are not delivered (a reader must never see a change that is not stored).
    private readonly Dictionary<object, int> _staged = new(ReferenceEqualityComparer.Instance);

    // What the last successful write stored, as the targets need it; null before the first one.
    private Committed? _committed;
    private Task _delivery = Task.CompletedTask;
    private bool _delivering;
    private bool _deliverAgain;

    // The feed has a delivery of its own, so that its items never wait for a slower target.
    private Task _feedDelivery = Task.CompletedTask;
    private bool _feedDelivering;
    private bool _feedAgain;
    private bool _broken;
    private bool _storedOutboxStale;
    private IGrainTimer? _deliveryRetry;

    /// <summary>The facts of one stored revision that the targets get.</summary>
    private sealed record Committed(
        int? Version, long Revision, string NeighbourhoodCode, InitiativeSummary Summary,
        string? ContactOfficialId, IReadOnlyList<WorkItem> Work, AgendaItem? Agenda);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Details is null)
        {
            return;
        }

        _committed = await Snapshot(StoredVersion());
        if (HasUndelivered())
        {
            // Stored but maybe not delivered (a crash, a failing target): deliver it again; the
            // targets take each entry once.
            Deliver();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
            {
                // The node stops (a deploy): give a delivery under way a moment, but do not hold the
                // hand-over up for it. What is left stays in the ledger and in the stored outbox: the
                // next activation on another node or the sweeper delivers it (docs/write-path.md).
                await Task.WhenAny(Task.WhenAll(_delivery, _feedDelivery), Task.Delay(ShutdownDeliveryWait, cancellationToken));
                return;
            }

            await _delivery.WaitAsync(cancellationToken);
            await _feedDelivery.WaitAsync(cancellationToken);
            if (_storedOutboxStale && !_broken && _staged.Count == 0 && !HasUndelivered())
            {
                // Storage still holds the delivered outbox: clear it once, so that the next
                // activation does not offer it again. Not a change: nothing to deliver after it.
                await state.WriteStateAsync(cancellationToken);
                await tables.Deliver(new TableDelivery(this.GetPrimaryKey(), [], [], StoredVersion()), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Harmless: the stored outbox is offered again on the next activation and taken once.
            LogDeactivationWrite(exception, this.GetPrimaryKey());
        }
    }

    public Task DeliverOutbox()
    {
        if (_committed is null)
        {
            return Task.CompletedTask;
        }

        Deliver(force: true);
        return WhenDelivered();

        async Task WhenDelivered()
        {
            await _delivery;
            if (HasUndelivered())
            {
                throw new InvalidOperationException($"The outbox of initiative {this.GetPrimaryKey()} could not be delivered yet; it is offered again shortly.");
            }
        }
    }

    /// <summary>Adds an outbox entry of the change being made (delivered once its write succeeded).</summary>
    private void Stage<T>(List<T> outbox, T entry)
    {
        outbox.Add(entry);
        _staged[outbox] = _staged.GetValueOrDefault(outbox) + 1;
    }

    /// <summary>The entries of <paramref name="outbox"/> that are stored.</summary>
    private List<T> CommittedPart<T>(List<T> outbox) => outbox.Take(outbox.Count - _staged.GetValueOrDefault(outbox)).ToList();

    /// <summary>
    /// Commits the change: its audit line and person-index entry (from the caller's stamp) join
    /// the outbox, the state is written once, and the delivery starts in the background. If the
    /// write fails, this activation's memory is ahead of storage, so it is discarded and nothing of
    /// the change is delivered: the next call reads the stored truth again.
    /// </summary>
    private async Task Save()
    {
        var id = this.GetPrimaryKey();
        state.State.Revision++;
        if (ChangeStamp.Current is { } stamp)
        {
            Stage(state.State.AuditOutbox, stamp.AuditLine(time.GetUtcNow(), id, AuditOutcome.Done, $"{id:N}:{state.State.Revision}"));
            if (stamp.RemembersPerson)
            {
                Stage(state.State.PeopleOutbox, stamp.UserId);
            }
        }

        if (state.State.Contact is { } contact)
        {
            // The contact official's queue follows every change (a repeat changes nothing there).
            Stage(state.State.WorkQueueOutbox, contact.OfficialId);
        }

        var snapshot = await Snapshot(null);
        if (state.State.Details is not null && snapshot.Agenda != _committed?.Agenda)
        {
            state.State.AgendaToSync = true;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _broken = true;
            DeactivateOnIdle();
            throw;
        }

        _staged.Clear();
        _committed = snapshot with { Version = StoredVersion() };
        Deliver();
    }

    private int? StoredVersion() =>
        int.TryParse(state.Etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;

    private async Task<Committed> Snapshot(int? version)
    {
        var details = state.State.Details!;
        var summary = await Summary();
        var contact = state.State.Contact;
        IReadOnlyList<WorkItem> work = [];
        if (contact is not null && Lifecycle.StatusTransitions.IsOpen(details.Status))
        {
            work = [new WorkItem(details.Id, details.Title, details.Status, summary.CurrentStepDue),
                .. state.State.Input.Where(i => i.Answer is null).Select(i => InputWork(details, i))];
        }

        var agenda = state.State.Escalated ? state.State.AgendaItem : null;
        return new Committed(version, state.State.Revision, details.NeighbourhoodCode, summary, contact?.OfficialId, work, agenda);
    }

    private bool HasUndelivered() =>
        state.State.Outbox.Count > 0 || state.State.PrivateOutbox.Count > 0 || state.State.NearbyOutbox.Count > 0 || state.State.AuditOutbox.Count > 0 ||
        state.State.PeopleOutbox.Count > 0 || state.State.WorkQueueOutbox.Count > 0 || state.State.AgendaToSync ||
        state.State.EmailToOffer is not null || (_committed is { } c && state.State.IndexedRevision < c.Revision);

    /// <summary>Starts the delivery, or asks the one running for another round.</summary>
    private void Deliver(bool force = false)
    {
        if (_broken)
        {
            return;
        }

        DeliverFeed();
        if (_delivering)
        {
            _deliverAgain = true;
            return;
        }

        _delivering = true;
        _delivery = RunDelivery(force);
    }

    /// <summary>Starts the feed's delivery, or asks the one running for another round.</summary>
    private void DeliverFeed()
    {
        if (_feedDelivering)
        {
            _feedAgain = true;
            return;
        }

        _feedDelivering = true;
        _feedDelivery = RunFeedDelivery();
    }

    /// <summary>Publishes the stored feed entries, round after round while changes keep coming.</summary>
    private async Task RunFeedDelivery()
    {
        RequestContext.Clear();
        await Task.Yield();
        try
        {
            do
            {
                _feedAgain = false;
                if (_committed is { } committed && CommittedPart(state.State.Outbox) is { Count: > 0 } entries)
                {
                    await PublishFeed(committed, entries);
                }
            }
            while (_feedAgain && !_broken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The main delivery sees the entries still waiting and offers them again.
            LogDeliveryDeferred(exception, this.GetPrimaryKey());
        }
        finally
        {
            _feedDelivering = false;
        }
    }

    /// <summary>Completes when <paramref name="entries"/> are in the feed; fails when the feed could not take them yet.</summary>
    private async Task FeedDelivered(List<FeedEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        DeliverFeed();
        await _feedDelivery;
        if (entries.Exists(state.State.Outbox.Contains))
        {
            // Queued after a round that was already running: one more.
            DeliverFeed();
            await _feedDelivery;
        }

        if (entries.Exists(state.State.Outbox.Contains))
        {
            throw new InvalidOperationException($"The feed of initiative {this.GetPrimaryKey()} could not take its entries yet.");
        }
    }

    private async Task RunDelivery(bool force)
    {
        // The delivery is no part of the caller's request: its grain calls carry no stamp.
        RequestContext.Clear();
        await Task.Yield();
        try
        {
            do
            {
                _deliverAgain = false;
                await DeliverOnce(force);
                force = false;
            }
            while (_deliverAgain && !_broken);

            _deliveryRetry?.Dispose();
            _deliveryRetry = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDeliveryDeferred(exception, this.GetPrimaryKey());
            _deliveryRetry ??= this.RegisterGrainTimer(
                () => { Deliver(); return Task.CompletedTask; },
                new GrainTimerCreationOptions(DeliveryRetryInterval, DeliveryRetryInterval) { KeepAlive = true, Interleave = true });
        }
        finally
        {
            _delivering = false;
        }
    }

    /// <summary>One round: everything stored so far goes to its targets; the tables and the ledger come last.</summary>
    private async Task DeliverOnce(bool force)
    {
        if (_committed is not { } committed || (!force && !HasUndelivered()))
        {
            return;
        }

        var id = this.GetPrimaryKey();
        var feed = CommittedPart(state.State.Outbox);
        var notices = CommittedPart(state.State.PrivateOutbox);
        var nearby = CommittedPart(state.State.NearbyOutbox);
        var officials = CommittedPart(state.State.WorkQueueOutbox);
        var audit = CommittedPart(state.State.AuditOutbox);
        var people = CommittedPart(state.State.PeopleOutbox);
        var syncAgenda = state.State.AgendaToSync;
        var email = state.State.EmailToOffer;

        await Task.WhenAll(
            FeedDelivered(feed),
            ReportSummary(committed),
            DeliverNotices(notices),
            DeliverNearby(nearby),
            SyncWorkQueues(id, committed, officials),
            syncAgenda ? SyncAgenda(id, committed) : Task.CompletedTask,
            OfferEmail(email));

        await tables.Deliver(new TableDelivery(id, audit, people, committed.Version));
        Delivered(state.State.AuditOutbox, audit);
        Delivered(state.State.PeopleOutbox, people);
    }

    private async Task PublishFeed(Committed committed, List<FeedEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var items = await GrainFactory.GetGrain<INeighbourhoodGrain>(committed.NeighbourhoodCode).PublishAll(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (items[i] is { } item)
            {
                // Kept in memory, stored with the next write: the item's number in the neighbourhood's feed.
                state.State.Sequences[entries[i].EventNumber] = item.Sequence;
            }
        }

        Delivered(state.State.Outbox, entries);
    }

    private async Task ReportSummary(Committed committed)
    {
        if (state.State.IndexedRevision >= committed.Revision)
        {
            return;
        }

        await GrainFactory.GetGrain<INeighbourhoodIndexGrain>(committed.NeighbourhoodCode).Report(committed.Summary);
        state.State.IndexedRevision = Math.Max(state.State.IndexedRevision, committed.Revision);
        _storedOutboxStale = true;
    }

    private async Task DeliverNotices(List<PrivateEntry> notices)
    {
        await Task.WhenAll(notices.GroupBy(n => n.UserId).Select(async person =>
        {
            await GrainFactory.GetGrain<IPersonGrain>(person.Key).DeliverAll([.. person]);
            Delivered(state.State.PrivateOutbox, [.. person]);
        }));
    }

    /// <summary>
    /// Tells the residents whose home area holds the place (the homes registry knows them), as news
    /// they follow. The initiator hears of their own initiative anyway; a person who also follows
    /// it gets the event once (the inbox takes an event id once).
    /// </summary>
    private async Task DeliverNearby(List<NearbyNotice> nearby)
    {
        if (nearby.Count == 0)
        {
            return;
        }

        var homes = Geo.Homes.Get(GrainFactory);
        var initiator = state.State.Initiator?.UserId;
        var notices = new List<PrivateEntry>();
        foreach (var place in nearby.GroupBy(n => n.Point))
        {
            var people = await homes.Near(place.Key);
            notices.AddRange(
                from person in people
                where person != initiator
                from notice in place
                let e = notice.Entry
                select new PrivateEntry(person, e.Kind, e.InitiativeId, e.Title, e.Text, e.OccurredAt, e.EventId, Notifications.NoticeKind.Following));
        }

        await Task.WhenAll(notices.GroupBy(n => n.UserId).Select(person => GrainFactory.GetGrain<IPersonGrain>(person.Key).DeliverAll([.. person])));
        Delivered(state.State.NearbyOutbox, nearby);
    }

    private async Task SyncWorkQueues(Guid id, Committed committed, List<string> officials)
    {
        foreach (var official in officials.Distinct())
        {
            await GrainFactory.GetGrain<IOfficialGrain>(official).Sync(id, official == committed.ContactOfficialId ? committed.Work : []);
        }

        Delivered(state.State.WorkQueueOutbox, officials);
    }

    private async Task SyncAgenda(Guid id, Committed committed)
    {
        var agenda = EscalationAgenda.Get(GrainFactory);
        if (committed.Agenda is { } item)
        {
            await agenda.Add(item);
        }
        else
        {
            await agenda.Remove(id);
        }

        if (state.State.Revision == committed.Revision)
        {
            state.State.AgendaToSync = false;
            _storedOutboxStale = true;
        }
    }

    private async Task OfferEmail(string? email)
    {
        if (email is null || state.State.Initiator is not { } initiator)
        {
            return;
        }

        await GrainFactory.GetGrain<IPersonGrain>(initiator.UserId).OfferEmail(email);
        if (state.State.EmailToOffer == email)
        {
            state.State.EmailToOffer = null;
            _storedOutboxStale = true;
        }
    }

    /// <summary>Drops delivered entries from the outbox in memory; storage drops them with the next write.</summary>
    private void Delivered<T>(List<T> outbox, List<T> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        // The delivered entries are the oldest ones: the outbox only grows at its end.
        var delivered = new List<T>(entries);
        outbox.RemoveAll(e => delivered.Remove(e));
        _storedOutboxStale = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox of initiative {Id} was not delivered yet; it is offered again shortly.")]
    private partial void LogDeliveryDeferred(Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Initiative {Id} could not clear its delivered outbox on deactivation; the next activation offers it again.")]
    private partial void LogDeactivationWrite(Exception exception, Guid id);
}
