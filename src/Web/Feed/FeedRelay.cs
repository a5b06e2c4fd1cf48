using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.People;
using Microsoft.AspNetCore.SignalR;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>
/// This node's grain observer: it subscribes to the neighbourhoods (and the people's inboxes) that
/// clients connected to this node watch, and passes each new item to the SignalR groups on this
/// node. Orleans carries the items between nodes.
/// </summary>
/// <remarks>
/// Per stream (a neighbourhood's feed, a person's inbox) it remembers the last number it sent and
/// sends strictly in order: an item that skips numbers first brings the missing ones from the
/// grain, a repeat is dropped. Every <see cref="RenewalInterval"/> it renews each subscription,
/// which also tells it the grain's last number: so when a grain moved to another node (and forgot
/// its observers), what was published meanwhile still reaches the clients, in order, within one
/// renewal interval.
/// </remarks>
public sealed partial class FeedRelay(
    IGrainFactory grains,
    IHubContext<FeedHub> hub,
    FeedConnections connections,
    TimeProvider time,
    ILogger<FeedRelay> logger) : BackgroundService, IFeedObserver, IInboxObserver
{
    /// <summary>How often subscriptions are renewed and checked for missed items.</summary>
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<StreamKey, Stream> _streams = [];
    private IFeedObserver? _reference;
    private IInboxObserver? _inboxReference;

    /// <summary>Starts relaying the neighbourhood (once per node); completes when the subscription is in place.</summary>
    public Task Watch(string code) => WatchKey(StreamKey.Neighbourhood(code));

    /// <summary>One watcher fewer; the last one ends the subscription.</summary>
    public void Release(string code) => ReleaseKey(StreamKey.Neighbourhood(code));

    /// <summary>Starts relaying a person's private items to their connections on this node.</summary>
    public Task WatchUser(string userId) => WatchKey(StreamKey.Inbox(userId));

    public void ReleaseUser(string userId) => ReleaseKey(StreamKey.Inbox(userId));

    public Task OnFeedItem(FeedItem item) => Deliver(StreamKey.Neighbourhood(item.NeighbourhoodCode), item.Sequence, item);

    public Task OnPrivateItem(string userId, PrivateItem item) => Deliver(StreamKey.Inbox(userId), item.Sequence, item);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewalInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RenewAll();
        }
    }

    /// <summary>Subscribes again to every watched stream, so none lapses, and sends what was missed.</summary>
    internal async Task RenewAll()
    {
        StreamKey[] keys;
        lock (_gate)
        {
            keys = [.. _streams.Keys];
        }

        foreach (var key in keys)
        {
            try
            {
                var last = await Subscribe(key);
                await Deliver(key, last, null);
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                LogRenewalFailed(exception, key);
            }
        }
    }

    private async Task WatchKey(StreamKey key)
    {
        Stream stream;
        lock (_gate)
        {
            if (!_streams.TryGetValue(key, out stream!))
            {
                stream = new Stream();
                stream.Started = Start(key, stream);
                _streams[key] = stream;
            }

            stream.Count++;
        }

        try
        {
            await stream.Started;
        }
        catch
        {
            ReleaseKey(key);
            throw;
        }
    }

    private async Task Start(StreamKey key, Stream stream)
    {
        var last = await Subscribe(key);
        await stream.Gate.WaitAsync();
        try
        {
            // Clients catch up themselves when they subscribe; the relay sends what comes after.
            stream.LastSent = Math.Max(stream.LastSent, last);
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    private void ReleaseKey(StreamKey key)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(key, out var stream) || --stream.Count > 0)
            {
                return;
            }

            _streams.Remove(key);
        }

        if (key.IsInbox)
        {
            if (_inboxReference is { } inbox)
            {
                _ = grains.GetGrain<IPersonGrain>(key.Id).Unsubscribe(inbox);
            }
        }
        else if (_reference is { } reference)
        {
            _ = grains.GetGrain<INeighbourhoodGrain>(key.Id).Unsubscribe(reference);
        }
    }

    /// <summary>Sends everything up to <paramref name="upTo"/> that was not sent yet, in order, then <paramref name="item"/>.</summary>
    private async Task Deliver(StreamKey key, long upTo, object? item)
    {
        Stream? stream;
        lock (_gate)
        {
            _streams.TryGetValue(key, out stream);
        }

        if (stream is null)
        {
            return; // nobody on this node watches it any more
        }

        await stream.Gate.WaitAsync();
        try
        {
            var before = item is null ? upTo : upTo - 1;
            if (stream.LastSent >= 0 && before > stream.LastSent)
            {
                foreach (var (sequence, missing) in await Fetch(key, stream.LastSent, before))
                {
                    await Send(key, missing);
                    stream.LastSent = sequence;
                }
            }

            if (item is not null && upTo > stream.LastSent)
            {
                await Send(key, item);
                stream.LastSent = upTo;
            }
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    private async Task<IEnumerable<(long Sequence, object Item)>> Fetch(StreamKey key, long after, long upTo)
    {
        var max = (int)Math.Min(upTo - after, FeedHub.MaxCatchUp);
        if (key.IsInbox)
        {
            var inbox = await grains.GetGrain<IPersonGrain>(key.Id).GetInboxAfter(after, max);
            return inbox.Where(i => i.Sequence <= upTo).Select(i => (i.Sequence, (object)i));
        }

        var feed = await grains.GetGrain<INeighbourhoodGrain>(key.Id).GetAfter(after, max);
        return feed.Where(i => i.Sequence <= upTo).Select(i => (i.Sequence, (object)i));
    }

    private async Task Send(StreamKey key, object item)
    {
        switch (item)
        {
            case FeedItem feedItem:
                // To the neighbourhood's subscribers, and to the initiative's subscribers who do not
                // already get it through the neighbourhood: every connection receives it once.
                await hub.Clients.Group(FeedHub.NeighbourhoodGroup(feedItem.NeighbourhoodCode)).SendAsync(FeedHub.FeedItemMessage, feedItem);
                await hub.Clients.GroupExcept(FeedHub.InitiativeGroup(feedItem.InitiativeId), connections.Watching(feedItem.NeighbourhoodCode))
                    .SendAsync(FeedHub.FeedItemMessage, feedItem);
                break;
            case PrivateItem privateItem:
                await hub.Clients.Group(FeedHub.UserGroup(key.Id)).SendAsync(FeedHub.PrivateItemMessage, privateItem);
                break;
        }
    }

    private Task<long> Subscribe(StreamKey key)
    {
        if (key.IsInbox)
        {
            _inboxReference ??= grains.CreateObjectReference<IInboxObserver>(this);
            return grains.GetGrain<IPersonGrain>(key.Id).Subscribe(_inboxReference);
        }

        _reference ??= grains.CreateObjectReference<IFeedObserver>(this);
        return grains.GetGrain<INeighbourhoodGrain>(key.Id).Subscribe(_reference);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the subscription {Key} failed; the next round tries again.")]
    private partial void LogRenewalFailed(Exception exception, StreamKey key);

    /// <summary>A watched stream: a neighbourhood's feed, or one person's inbox.</summary>
    private readonly record struct StreamKey(bool IsInbox, string Id)
    {
        public static StreamKey Neighbourhood(string code) => new(false, code);

        public static StreamKey Inbox(string userId) => new(true, userId);
    }

    /// <summary>One watched stream on this node.</summary>
    private sealed class Stream
    {
        public Task Started { get; set; } = Task.CompletedTask;

        public int Count { get; set; }

        /// <summary>The last number sent to this node's clients; -1 until the subscription says where the stream is.</summary>
        public long LastSent { get; set; } = -1;

        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
