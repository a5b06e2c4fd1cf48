using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Initiatives;

public sealed class DeferredPublishingTests(FlakyStorageCluster hub) : IClassFixture<FlakyStorageCluster>
{
    [Fact]
    public async Task A_stored_submission_whose_feed_item_is_refused_at_first_still_reaches_the_feed_once()
    {
        var code = TestNames.Neighbourhood();
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(code);
        await neighbourhood.Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var observer = new FirstFeedItem();
        await neighbourhood.Subscribe(hub.Cluster.Client.CreateObjectReference<IFeedObserver>(observer));
        var id = Guid.NewGuid();
        FlakyStorageCluster.Feed.FailAppends(2);

        var result = await hub.Grains.GetGrain<IInitiativeGrain>(id).Submit(new SubmitInitiative("Speeltuin", "", code, Theme.Play), TestPeople.Initiator);

        result.Initiative!.Id.Should().Be(id);
        var item = await observer.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        (item.Sequence, item.InitiativeId).Should().Be((1L, id));
        (await neighbourhood.GetAfter(0, 10)).Select(i => i.InitiativeId).Should().Equal(id);
    }

    [Fact]
    public async Task A_submission_whose_write_fails_is_not_shown_afterwards_and_can_be_sent_again()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var id = Guid.NewGuid();
        var initiative = hub.Grains.GetGrain<IInitiativeGrain>(id);
        FlakyStorageCluster.Storage.FailWrites("initiative", 1, asOutage: true);

        var failing = () => initiative.Submit(new SubmitInitiative("Speeltuin", "", code, Theme.Play), TestPeople.Initiator);

        (await failing.Should().ThrowAsync<OrleansException>()).WithInnerException<TimeoutException>();
        (await initiative.GetDetails()).Should().BeNull();
        (await initiative.Submit(new SubmitInitiative("Speeltuin", "", code, Theme.Play), TestPeople.Initiator)).Initiative!.Id.Should().Be(id);
        // The feed item is delivered from the outbox after the answer; wait for that delivery, not for a time.
        await hub.Grains.Delivered(id);
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(0, 10)).Select(i => i.InitiativeId).Should().Equal(id);
    }
}
