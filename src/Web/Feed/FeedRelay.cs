using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Microsoft.AspNetCore.SignalR;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>
/// This node's grain observer: it subscribes to the neighbourhoods that browsers connected to this
/// node watch, renews those subscriptions before they lapse, and passes each new feed item to the
/// SignalR group of its neighbourhood on this node. Orleans carries the items between nodes.
/// </summary>
public sealed partial class FeedRelay(
    IGrainFactory grains,
    IHubContext<FeedHub> hub,
    TimeProvider time,
    ILogger<FeedRelay> logger) : BackgroundService, IFeedObserver
{
    /// <summary>Renew well within <see cref="NeighbourhoodGrain.ObserverExpiry"/>.</summary>
    public static readonly TimeSpan RenewalInterval = NeighbourhoodGrain.ObserverExpiry / 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscription> _watched = new(StringComparer.Ordinal);
    private IFeedObserver? _reference;

    /// <summary>Starts relaying the neighbourhood (once per node); completes when the subscription is in place.</summary>
    public async Task Watch(string code)
    {
        Subscription watch;
        lock (_gate)
        {
            if (!_watched.TryGetValue(code, out watch!))
            {
                watch = new Subscription(Subscribe(code));
                _watched[code] = watch;
            }

            watch.Count++;
        }

        try
        {
            await watch.Subscribed;
        }
        catch
        {
            Release(code);
            throw;
        }
    }

    /// <summary>One watcher fewer; the last one ends the subscription.</summary>
    public void Release(string code)
    {
        lock (_gate)
        {
            if (!_watched.TryGetValue(code, out var watch) || --watch.Count > 0)
            {
                return;
            }

            _watched.Remove(code);
        }

        if (_reference is { } reference)
        {
            _ = grains.GetGrain<INeighbourhoodGrain>(code).Unsubscribe(reference);
        }
    }

    public Task OnFeedItem(FeedItem item) =>
        hub.Clients.Group(FeedHub.NeighbourhoodGroup(item.NeighbourhoodCode)).SendAsync(FeedHub.FeedItemMessage, item);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewalInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RenewAll();
        }
    }

    /// <summary>Subscribes again to every watched neighbourhood, so no subscription lapses.</summary>
    internal async Task RenewAll()
    {
        string[] codes;
        lock (_gate)
        {
            codes = [.. _watched.Keys];
        }

        foreach (var code in codes)
        {
            try
            {
                await Subscribe(code);
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                LogRenewalFailed(exception, code);
            }
        }
    }

    private Task Subscribe(string code)
    {
        _reference ??= grains.CreateObjectReference<IFeedObserver>(this);
        return grains.GetGrain<INeighbourhoodGrain>(code).Subscribe(_reference);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the feed subscription of {Code} failed; the next round tries again.")]
    private partial void LogRenewalFailed(Exception exception, string code);

    private sealed class Subscription(Task subscribed)
    {
        public Task Subscribed { get; } = subscribed;

        public int Count { get; set; }
    }
}
