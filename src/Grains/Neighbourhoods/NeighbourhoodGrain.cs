using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class NeighbourhoodGrain(
    [PersistentState("neighbourhood", GrainStorage.Name)] IPersistentState<NeighbourhoodState> state,
    ILogger<NeighbourhoodGrain> logger,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
    : Grain, INeighbourhoodGrain
{
    /// <summary>How many of the newest items the grain keeps; it also bounds duplicate detection.</summary>
    public const int FeedWindow = 1000;

    /// <summary>An observer that is not renewed within this time is dropped.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<IFeedObserver> _observers = new(ObserverExpiry, logger)
    {
        GetDateTime = () => time.GetUtcNow().UtcDateTime,
    };

    public async Task Define(NeighbourhoodInfo info)
    {
        if (state.State.Info == info)
        {
            return;
        }

        state.State.Info = info;
        await state.WriteStateAsync();
    }

    public Task<NeighbourhoodInfo?> GetInfo() => Task.FromResult(state.State.Info);

    public async Task<FeedItem> Publish(FeedEntry entry)
    {
        var existing = state.State.Feed.Find(item => item.EventId == entry.EventId);
        if (existing is not null)
        {
            return existing;
        }

        var item = new FeedItem(
            this.GetPrimaryKeyString(), state.State.LastSequence + 1, entry.Kind, entry.InitiativeId,
            entry.Title, entry.Text, entry.OccurredAt, entry.EventId);
        var feed = state.State.Feed;
        feed.Add(item);
        state.State.LastSequence = item.Sequence;
        var trimmed = feed.Count > FeedWindow ? feed[0] : null;
        if (trimmed is not null)
        {
            feed.RemoveAt(0);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Undo, so the next item takes this number and the feed stays gapless.
            feed.Remove(item);
            if (trimmed is not null)
            {
                feed.Insert(0, trimmed);
            }

            state.State.LastSequence = item.Sequence - 1;
            throw;
        }

        // One-way calls: a slow or dead node cannot hold up the feed; a failed observer is dropped.
        await _observers.Notify(observer => observer.OnFeedItem(item));
        return item;
    }

    public Task<IReadOnlyList<FeedItem>> GetLatest(int count)
    {
        var feed = state.State.Feed;
        var take = Math.Clamp(count, 0, feed.Count);
        IReadOnlyList<FeedItem> latest = feed.GetRange(feed.Count - take, take).AsEnumerable().Reverse().ToList();
        return Task.FromResult(latest);
    }

    public Task<IReadOnlyList<FeedItem>> GetAfter(long afterSequence, int max)
    {
        IReadOnlyList<FeedItem> items = state.State.Feed
            .Where(item => item.Sequence > afterSequence)
            .Take(Math.Max(0, max))
            .ToList();
        return Task.FromResult(items);
    }

    public Task Subscribe(IFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
