using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>
/// One neighbourhood and its feed. The feed's items are rows (<see cref="IFeedRows"/>), numbered
/// by the store inside the hub tables' grouped transaction, so the items of many changes across
/// all neighbourhoods share one commit; this grain keeps the newest items in memory for readers,
/// tells the observers in order, and stores only what the neighbourhood is.
/// </summary>
public sealed partial class NeighbourhoodGrain(
    [PersistentState("neighbourhood", GrainStorage.Name)] IPersistentState<NeighbourhoodState> state,
    IFeedRows rows,
    ILogger<NeighbourhoodGrain> logger,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    HubMetrics metrics)
    : Grain, INeighbourhoodGrain
{
    /// <summary>The most items one read returns, and how many of the newest are kept in memory.</summary>
    public const int MaxRead = 500;

    /// <summary>The reminder that watches the deadlines of this neighbourhood's open initiatives.</summary>
    public const string DeadlineReminder = "deadlines";

    /// <summary>How often the deadlines are checked.</summary>
    public static readonly TimeSpan DeadlineCheckPeriod = TimeSpan.FromHours(1);

    /// <summary>An observer that is not renewed within this time is dropped.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    // Subscriptions expire on the real clock: they are infrastructure, not domain time.
    private readonly ObserverManager<IFeedObserver> _observers = new(ObserverExpiry, logger);

    // The newest stored items (at most MaxRead), oldest first: most reads are of these.
    private readonly List<FeedItem> _recent = [];

    // Entries waiting for the appender, and the appender while it runs.
    private readonly List<(FeedEntry Entry, TaskCompletionSource<FeedItem?> Done)> _queue = [];
    private Task? _appender;

    // The last stored sequence number: readers and subscribers see the feed up to here only.
    private long _committed;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.SchemaVersion < NeighbourhoodState.CurrentSchemaVersion)
        {
            await MigrateIntoRows(cancellationToken);
        }

        var latest = await rows.Latest(Code, MaxRead, cancellationToken);
        _recent.AddRange(latest.Reverse());
        _committed = latest.Count > 0 ? latest[0].Sequence : 0;
        if (state.State.Info is not null)
        {
            await EnsureDeadlineReminder();
        }
    }

    /// <summary>
    /// Versions 1 and 2 kept the feed in this grain's state (version 2 with its full pages in
    /// page grains): store those items as rows with their numbers (a repeat after a crash changes
    /// nothing), then keep only what the neighbourhood is.
    /// </summary>
    private async Task MigrateIntoRows(CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        if (state.State.Feed is { } version1)
        {
            items.AddRange(version1);
        }
        else
        {
            var fullPages = (state.State.LastSequence - state.State.CurrentPage.Count) / FeedPage.Size;
            for (var page = 0L; page < fullPages; page++)
            {
                items.AddRange(await GrainFactory.GetGrain<IFeedPageGrain>(FeedPage.Key(Code, page)).Get());
            }

            items.AddRange(state.State.CurrentPage);
        }

        await rows.Import([.. items.Select(i => i with { NeighbourhoodCode = Code })], cancellationToken);
        state.State = new NeighbourhoodState { Info = state.State.Info };
        await state.WriteStateAsync(cancellationToken);
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

    public async Task CheckDeadlines()
    {
        // The index holds every initiative's summary, with the day it wants to be checked.
        var today = WorkingDays.DayOf(time.GetUtcNow());
        foreach (var initiative in await GrainFactory.GetGrain<INeighbourhoodIndexGrain>(Code).DueForCheck(today))
        {
            // Not awaited: the initiative publishes its notice to this grain, which must be free to take it.
            GrainFactory.GetGrain<IInitiativeGrain>(initiative).CheckDeadline().Ignore();
        }
    }

    public Task<IReadOnlyList<Guid>> GetInitiativeIds() => rows.Initiatives(Code);

    public async Task Define(NeighbourhoodInfo info)
    {
        if (state.State.Info == info)
        {
            return;
        }

        state.State.Info = info;
        await state.WriteStateAsync();
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
    /// The one appender: takes everything queued and stores it (the rows give the numbers), then
    /// tells the callers and the observers; repeats while entries keep arriving.
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
                await Append(batch);
            }
        }
        finally
        {
            _appender = null;
        }
    }

    private async Task Append(List<(FeedEntry Entry, TaskCompletionSource<FeedItem?> Done)> batch)
    {
        IReadOnlyList<FeedItem?> items;
        try
        {
            items = await rows.Append(Code, [.. batch.Select(b => b.Entry)]);
        }
        catch (Exception exception)
        {
            // Nothing of the batch is stored: the initiatives offer their entries again.
            var failure = new FeedWriteException($"The feed of {Code} could not store its items now; they are offered again.", exception);
            batch.ForEach(b => b.Done.TrySetException(failure));
            return;
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            if (items[i] is not { } item)
            {
                continue;
            }

            if (item.Sequence > _committed + 1)
            {
                await CatchUp(item.Sequence - 1);
            }

            // Before the observers hear of it: whoever sees the item can read its lag.
            metrics.FeedItemStored(now - batch[i].Entry.OccurredAt);
            await Stored(item);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(items[i]);
        }
    }

    /// <summary>
    /// Items up to <paramref name="through"/> this activation did not append (another activation of
    /// this neighbourhood, briefly, while a node was declared dead): read them, so nobody misses
    /// them. If they cannot be read now, memory no longer holds a gapless run of the newest items,
    /// so reads go to the rows until it does again.
    /// </summary>
    private async Task CatchUp(long through)
    {
        try
        {
            foreach (var missed in await rows.Read(Code, _committed, (int)Math.Min(MaxRead, through - _committed)))
            {
                await Stored(missed);
            }
        }
        catch (Exception exception)
        {
            LogCatchUpFailed(exception, Code);
            _recent.Clear();
        }

        if (_committed < through)
        {
            _recent.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The feed of {Code} could not read items another activation appended; readers read them from the rows.")]
    private partial void LogCatchUpFailed(Exception exception, string code);

    /// <summary>Takes a stored item into the newest ones and tells the observers.</summary>
    private async Task Stored(FeedItem item)
    {
        if (item.Sequence <= _committed)
        {
            return;
        }

        _recent.Add(item);
        if (_recent.Count > MaxRead)
        {
            _recent.RemoveRange(0, _recent.Count - MaxRead);
        }

        _committed = item.Sequence;

        // One-way calls: a slow or dead node cannot hold up the feed; a failed observer is dropped.
        await _observers.Notify(observer => observer.OnFeedItem(item));
    }

    public async Task<IReadOnlyList<FeedItem>> GetLatest(int count)
    {
        var take = Math.Clamp(count, 0, MaxRead);
        var items = await Range(Math.Max(0, _committed - take), take);
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

    /// <summary>The items after <paramref name="after"/>, oldest first, at most <paramref name="max"/>: from memory when it holds them.</summary>
    private async Task<List<FeedItem>> Range(long after, int max)
    {
        var last = Math.Min(_committed, after + max);
        if (after >= last)
        {
            return [];
        }

        if (_recent.Count > 0 && after + 1 >= _recent[0].Sequence)
        {
            return _recent.Where(i => i.Sequence > after && i.Sequence <= last).ToList();
        }

        return (await rows.Read(Code, after, (int)(last - after))).Where(i => i.Sequence <= last).ToList();
    }
}
