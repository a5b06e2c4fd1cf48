namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>One full page of a neighbourhood's feed. Key: <see cref="FeedPage.Key"/>.</summary>
[Alias("haarlem.feed-page")]
public interface IFeedPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page's items; storing the same items again changes nothing.</summary>
    [Alias("store")]
    Task Store(IReadOnlyList<FeedItem> items);

    /// <summary>The page's items, oldest first (empty when the page was never stored).</summary>
    [Alias("get")]
    Task<IReadOnlyList<FeedItem>> Get();
}
