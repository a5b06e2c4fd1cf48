using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Utilities;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class NeighbourhoodGrain(
    [PersistentState("neighbourhood", GrainStorage.Name)] IPersistentState<NeighbourhoodState> state,
    ILogger<NeighbourhoodGrain> logger,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
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

    private long StoredPages => (state.State.LastSequence - state.State.CurrentPage.Count) / FeedPage.Size;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SchemaVersion < NeighbourhoodState.CurrentSchemaVersion && state.RecordExists)
        {
            await MigrateFromVersion1();
        }

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

        state.State.Info = info;
        await state.WriteStateAsync();
        await EnsureDeadlineReminder();
    }

    public Task<NeighbourhoodInfo?> GetInfo() => Task.FromResult(state.State.Info);

    public async Task<FeedItem?> Publish(FeedEntry entry)
    {
        var published = state.State.PublishedEvents.GetValueOrDefault(entry.InitiativeId);
        if (entry.EventNumber <= published)
        {
            return null;
        }

        var page = state.State.CurrentPage;
        List<FeedItem>? archived = null;
        if (page.Count == FeedPage.Size)
        {
            // The page is full: store it in its own grain (once, idempotently) and start a new one.
            var index = StoredPages;
            await GrainFactory.GetGrain<IFeedPageGrain>(FeedPage.Key(this.GetPrimaryKeyString(), index)).Store(page);
            _pages[index] = page;
            archived = page;
            page = state.State.CurrentPage = [];
        }

        var item = new FeedItem(
            this.GetPrimaryKeyString(), state.State.LastSequence + 1, entry.Kind, entry.InitiativeId,
            entry.Title, entry.Text, entry.OccurredAt, entry.EventId);
        page.Add(item);
        state.State.LastSequence = item.Sequence;
        state.State.PublishedEvents[entry.InitiativeId] = entry.EventNumber;
        var previousDeadline = state.State.Deadlines.TryGetValue(entry.InitiativeId, out var due) ? due : (DateOnly?)null;
        SetDeadline(entry.InitiativeId, entry.StepExpectedEnd);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Undo, so the next item takes this number and the feed stays gapless.
            page.Remove(item);
            state.State.LastSequence = item.Sequence - 1;
            SetPublished(entry.InitiativeId, published);
            SetDeadline(entry.InitiativeId, previousDeadline);
            if (archived is not null)
            {
                state.State.CurrentPage = archived;
            }

            if (exception is InconsistentStateException)
            {
                // Storage holds a newer version than this activation: take it over, and stay active
                // so the live subscribers are kept (Orleans would deactivate on this exception).
                await state.ReadStateAsync();
                throw FeedWriteException.Conflict(this.GetPrimaryKeyString(), exception);
            }

            throw;
        }

        // One-way calls: a slow or dead node cannot hold up the feed; a failed observer is dropped.
        await _observers.Notify(observer => observer.OnFeedItem(item));
        return item;
    }

    public async Task<IReadOnlyList<FeedItem>> GetLatest(int count)
    {
        var take = Math.Clamp(count, 0, MaxRead);
        var from = Math.Max(0, state.State.LastSequence - take);
        var items = await Range(from, take);
        items.Reverse();
        return items;
    }

    public async Task<IReadOnlyList<FeedItem>> GetAfter(long afterSequence, int max) =>
        await Range(Math.Max(0, afterSequence), Math.Clamp(max, 0, MaxRead));

    public Task<long> Subscribe(IFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(state.State.LastSequence);
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
        var last = Math.Min(state.State.LastSequence, after + max);
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

    private void SetPublished(Guid initiative, int eventNumber)
    {
        if (eventNumber == 0)
        {
            state.State.PublishedEvents.Remove(initiative);
        }
        else
        {
            state.State.PublishedEvents[initiative] = eventNumber;
        }
    }
}
