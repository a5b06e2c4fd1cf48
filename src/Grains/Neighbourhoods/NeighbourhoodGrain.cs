using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Utilities;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed partial class NeighbourhoodGrain(
    [PersistentState("neighbourhood", GrainStorage.Name)] IPersistentState<NeighbourhoodState> state,
    ILogger<NeighbourhoodGrain> logger,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    HubMetrics metrics)
    : Grain, INeighbourhoodGrain
{
    /// <summary>The most items one read returns.</summary>
    public const int MaxRead = 500;

    /// <summary>The reminder that watches the deadlines of this neighbourhood's open initiatives.</summary>
    public const string DeadlineReminder = "deadlines";

    /// <summary>How often the deadlines are checked.</summary>
    public static readonly TimeSpan DeadlineCheckPeriod = TimeSpan.FromHours(1);

    /// <summary>An observer that is not renewed within this time is dropped.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    // Subscriptions expire on the real clock: they are infrastructure, not domain time.
    private readonly ObserverManager<IFeedObserver> _observers = new(ObserverExpiry, logger);

    // Full pages never change, so they are cached while the grain is active.
    private readonly Dictionary<long, IReadOnlyList<FeedItem>> _pages = [];

    // Entries waiting for the appender, and the appender while it runs.
    private readonly List<(FeedEntry Entry, TaskCompletionSource<FeedItem?> Done)> _queue = [];
    private Task? _appender;

    // Every write of this grain's state goes through this lock: the appender runs beside other calls.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // The last stored sequence number: readers and subscribers see the feed up to here only.
    private long _committed;

    private long StoredPages => (state.State.LastSequence - state.State.CurrentPage.Count) / FeedPage.Size;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SchemaVersion < NeighbourhoodState.CurrentSchemaVersion && state.RecordExists)
        {
            await MigrateFromVersion1();
        }

        _committed = state.State.LastSequence;
        if (state.State.Info is not null)
        {
            await EnsureDeadlineReminder();
        }
    }

    private async Task EnsureDeadlineReminder()
    {
        if (await this.GetReminder(DeadlineReminder) is null)
        {
            await this.RegisterOrUpdateReminder(DeadlineReminder, TimeSpan.FromMinutes(1), DeadlineCheckPeriod);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DeadlineReminder ? CheckDeadlines() : Task.CompletedTask;

    public Task CheckDeadlines()
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        foreach (var initiative in state.State.Deadlines.Where(d => d.Value < today).Select(d => d.Key))
        {
            // Not awaited: the initiative publishes its notice to this grain, which must be free to take it.
            GrainFactory.GetGrain<IInitiativeGrain>(initiative).CheckDeadline().Ignore();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> GetInitiativeIds() =>
        Task.FromResult<IReadOnlyList<Guid>>(state.State.PublishedEvents.Keys.ToList());

    /// <summary>Version 1 kept the newest items in one list: move them into pages.</summary>
    private async Task MigrateFromVersion1()
    {
        var items = state.State.Feed ?? [];
        var code = this.GetPrimaryKeyString();
        var current = new List<FeedItem>();
        foreach (var group in items.GroupBy(i => FeedPage.Of(i.Sequence)).OrderBy(g => g.Key))
        {
            if (group.Key < FeedPage.Of(state.State.LastSequence))
            {
                await GrainFactory.GetGrain<IFeedPageGrain>(FeedPage.Key(code, group.Key)).Store([.. group]);
            }
            else
            {
                current.AddRange(group);
            }
        }

        // Version 1 published one event per initiative: its submission.
        state.State.PublishedEvents = items.Select(i => i.InitiativeId).Distinct().ToDictionary(id => id, _ => 1);
        state.State.CurrentPage = current;
        state.State.Feed = null;
        state.State.SchemaVersion = NeighbourhoodState.CurrentSchemaVersion;
        await state.WriteStateAsync();
    }

    public async Task Define(NeighbourhoodInfo info)
    {
        if (state.State.Info == info)
        {
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            state.State.Info = info;
            await state.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }

        await EnsureDeadlineReminder();
    }

    public Task<NeighbourhoodInfo?> GetInfo() => Task.FromResult(state.State.Info);

    public async Task<FeedItem?> Publish(FeedEntry entry) => (await PublishAll([entry]))[0];

    public async Task<IReadOnlyList<FeedItem?>> PublishAll(IReadOnlyList<FeedEntry> entries)
    {
        var waits = new List<Task<FeedItem?>>(entries.Count);
        foreach (var entry in entries)
        {
            var done = new TaskCompletionSource<FeedItem?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Add((entry, done));
            waits.Add(done.Task);
        }

        _appender ??= AppendQueued();
        return await Task.WhenAll(waits);
    }

    /// <summary>
    /// The one appender: takes everything queued, numbers it, writes once, then tells the callers
    /// and the observers; repeats while entries keep arriving.
    /// </summary>
    private async Task AppendQueued()
    {
        // Let the callers of this turn queue theirs first.
        await Task.Yield();
        try
        {
            while (_queue.Count > 0)
            {
                var batch = _queue.ToList();
                _queue.Clear();
                await _writeLock.WaitAsync();
                try
                {
                    await Append(batch);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        finally
        {
            _appender = null;
        }
    }

    private async Task Append(List<(FeedEntry Entry, TaskCompletionSource<FeedItem?> Done)> batch)
    {
        var items = new FeedItem?[batch.Count];
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                items[i] = await Number(batch[i].Entry);
            }

            if (items.Any(i => i is not null))
            {
                await state.WriteStateAsync();
            }
        }
        catch (Exception exception)
        {
            // Memory is ahead of storage: take the stored feed back, so the next items take these
            // numbers and the feed stays gapless; the initiatives offer their entries again.
            _pages.Clear();
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception reread)
            {
                LogRereadFailed(reread, this.GetPrimaryKeyString());
                DeactivateOnIdle();
            }

            var failure = exception is InconsistentStateException
                ? FeedWriteException.Conflict(this.GetPrimaryKeyString(), exception)
                : exception;
            batch.ForEach(b => b.Done.TrySetException(failure));
            return;
        }

        _committed = state.State.LastSequence;
        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            if (items[i] is not null)
            {
                // Before the observers hear of it: whoever sees the item can read its lag.
                metrics.FeedItemStored(now - batch[i].Entry.OccurredAt);
            }
        }

        foreach (var item in items.OfType<FeedItem>())
        {
            // One-way calls: a slow or dead node cannot hold up the feed; a failed observer is dropped.
            await _observers.Notify(observer => observer.OnFeedItem(item));
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(items[i]);
        }
    }

    /// <summary>Gives the entry the next number in memory (null for a repeat); it is stored with the batch's write.</summary>
    private async Task<FeedItem?> Number(FeedEntry entry)
    {
        if (entry.EventNumber <= state.State.PublishedEvents.GetValueOrDefault(entry.InitiativeId))
        {
            return null;
        }

        if (state.State.CurrentPage.Count == FeedPage.Size)
        {
            // The page is full: store it in its own grain (once, idempotently) and start a new one.
            var index = StoredPages;
            var full = state.State.CurrentPage;
            await GrainFactory.GetGrain<IFeedPageGrain>(FeedPage.Key(this.GetPrimaryKeyString(), index)).Store(full);
            _pages[index] = full;
            state.State.CurrentPage = [];
        }

        var item = new FeedItem(
            this.GetPrimaryKeyString(), state.State.LastSequence + 1, entry.Kind, entry.InitiativeId,
            entry.Title, entry.Text, entry.OccurredAt, entry.EventId);
        state.State.CurrentPage.Add(item);
        state.State.LastSequence = item.Sequence;
        state.State.PublishedEvents[entry.InitiativeId] = entry.EventNumber;
        SetDeadline(entry.InitiativeId, entry.StepExpectedEnd);
        return item;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The feed of {Code} could not be read back after a failed write; the grain starts again from storage.")]
    private partial void LogRereadFailed(Exception exception, string code);

    public async Task<IReadOnlyList<FeedItem>> GetLatest(int count)
    {
        var take = Math.Clamp(count, 0, MaxRead);
        var from = Math.Max(0, _committed - take);
        var items = await Range(from, take);
        items.Reverse();
        return items;
    }

    public async Task<IReadOnlyList<FeedItem>> GetAfter(long afterSequence, int max) =>
        await Range(Math.Max(0, afterSequence), Math.Clamp(max, 0, MaxRead));

    public Task<long> Subscribe(IFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(_committed);
    }

    public Task Unsubscribe(IFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>The items after <paramref name="after"/>, oldest first, at most <paramref name="max"/>.</summary>
    private async Task<List<FeedItem>> Range(long after, int max)
    {
        var items = new List<FeedItem>(Math.Min(max, FeedPage.Size));
        var last = Math.Min(_committed, after + max);
        for (var page = FeedPage.Of(after + 1); after < last && page < StoredPages; page++)
        {
            items.AddRange((await StoredPage(page)).Where(i => i.Sequence > after && i.Sequence <= last));
        }

        items.AddRange(state.State.CurrentPage.Where(i => i.Sequence > after && i.Sequence <= last));
        return items;
    }

    private async Task<IReadOnlyList<FeedItem>> StoredPage(long index)
    {
        if (!_pages.TryGetValue(index, out var items))
        {
            items = await GrainFactory.GetGrain<IFeedPageGrain>(FeedPage.Key(this.GetPrimaryKeyString(), index)).Get();
            _pages[index] = items;
        }

        return items;
    }

    private void SetDeadline(Guid initiative, DateOnly? due)
    {
        if (due is { } day)
        {
            state.State.Deadlines[initiative] = day;
        }
        else
        {
            state.State.Deadlines.Remove(initiative);
        }
    }
}
