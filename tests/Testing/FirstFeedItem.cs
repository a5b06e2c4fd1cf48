using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Testing;

/// <summary>A feed observer that completes <see cref="Received"/> with the first item it gets.</summary>
public sealed class FirstFeedItem : IFeedObserver
{
    public TaskCompletionSource<FeedItem> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnFeedItem(FeedItem item)
    {
        Received.TrySetResult(item);
        return Task.CompletedTask;
    }
}
