namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// Receives new feed items of the neighbourhoods it subscribed to. Each web node keeps one and
/// relays the items to the browsers connected to that node.
/// </summary>
[Alias("haarlem.feed-observer")]
public interface IFeedObserver : IGrainObserver
{
    [Alias("on-feed-item"), OneWay]
    Task OnFeedItem(FeedItem item);
}
