using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Feed;

public sealed class FeedPageGrain(
    [PersistentState("feed-page", GrainStorage.Name)] IPersistentState<FeedPageState> state)
    : Grain, IFeedPageGrain
{
    public async Task Store(IReadOnlyList<FeedItem> items)
    {
        if (state.State.Items.SequenceEqual(items))
        {
            return;
        }

        state.State.Items = [.. items];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<FeedItem>> Get() => Task.FromResult<IReadOnlyList<FeedItem>>(state.State.Items);
}
