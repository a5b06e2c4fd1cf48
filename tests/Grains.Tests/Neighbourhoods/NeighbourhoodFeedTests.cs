using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Neighbourhoods;

public sealed class NeighbourhoodFeedTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static FeedEntry Entry(string title, Guid? initiative = null, int eventNumber = 1) =>
        new(initiative ?? Guid.NewGuid(), eventNumber, FeedItemKind.InitiativeSubmitted, title, "Er is een nieuw initiatief.", HubTestCluster.Time.GetUtcNow());

    [Fact]
    public async Task Publishing_the_same_event_again_appends_nothing()
    {
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood());
        var initiative = Guid.NewGuid();

        var first = await neighbourhood.Publish(Entry("Speeltuin", initiative, eventNumber: 1));
        var again = await neighbourhood.Publish(Entry("Speeltuin", initiative, eventNumber: 1));
        var next = await neighbourhood.Publish(Entry("Speeltuin verlengd", initiative, eventNumber: 2));
        var older = await neighbourhood.Publish(Entry("Speeltuin", initiative, eventNumber: 1));

        again.Should().BeNull();
        older.Should().BeNull();
        (await neighbourhood.GetAfter(0, 10)).Should().Equal(first!, next!);
        next!.Sequence.Should().Be(2);
        next.EventId.Should().Be($"{initiative:N}:2");
    }

    [Fact]
    public async Task The_latest_items_come_newest_first_and_catch_up_comes_oldest_first()
    {
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood());
        foreach (var n in Enumerable.Range(1, 5))
        {
            await neighbourhood.Publish(Entry($"Plan {n}"));
        }

        (await neighbourhood.GetLatest(3)).Select(i => i.Sequence).Should().Equal(5, 4, 3);
        (await neighbourhood.GetAfter(2, 2)).Select(i => i.Sequence).Should().Equal(3, 4);
        (await neighbourhood.GetAfter(5, 10)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_feed_longer_than_a_page_is_read_across_its_pages_without_gaps()
    {
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood());
        var total = FeedPage.Size * 3 + 7;
        foreach (var n in Enumerable.Range(1, total))
        {
            await neighbourhood.Publish(Entry($"Plan {n}"));
        }

        (await neighbourhood.GetAfter(0, 500)).Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, total).Select(n => (long)n));
        (await neighbourhood.GetAfter(FeedPage.Size - 2, 5)).Select(i => i.Title)
            .Should().Equal($"Plan {FeedPage.Size - 1}", $"Plan {FeedPage.Size}", $"Plan {FeedPage.Size + 1}", $"Plan {FeedPage.Size + 2}", $"Plan {FeedPage.Size + 3}");
        (await neighbourhood.GetLatest(10)).Select(i => i.Sequence).Should().Equal(Enumerable.Range(total - 9, 10).Reverse().Select(n => (long)n));
        (await neighbourhood.GetLatest(1000)).Should().HaveCount(total);
    }

    [Fact]
    public async Task A_subscribed_observer_receives_each_new_item()
    {
        var code = TestNames.Neighbourhood();
        var neighbourhood = hub.Grains.GetGrain<INeighbourhoodGrain>(code);
        var observer = new FirstFeedItem();
        var reference = hub.Cluster.Client.CreateObjectReference<IFeedObserver>(observer);
        await neighbourhood.Subscribe(reference);

        var published = await neighbourhood.Publish(Entry("Speeltuin"));

        (await observer.Received.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(published);
        published!.NeighbourhoodCode.Should().Be(code);
        published.Sequence.Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_neighbourhood_has_no_info()
    {
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(TestNames.Neighbourhood()).GetInfo()).Should().BeNull();
    }

    [Fact]
    public async Task Loading_the_same_neighbourhood_list_again_changes_nothing()
    {
        var directory = hub.Grains.GetGrain<INeighbourhoodDirectoryGrain>(Guid.NewGuid().ToString());
        var codeA = TestNames.Neighbourhood();
        var codeB = TestNames.Neighbourhood();
        NeighbourhoodInfo[] list =
        [
            new(codeB, "Zuiderpolder", "Schalkwijk", null),
            new(codeA, "Vijfhoek", "Centrum", null),
        ];

        (await directory.Load(list)).Should().BeTrue();
        (await directory.Load(list)).Should().BeFalse();

        (await directory.List()).Should().Equal(list[1], list[0]);
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(codeA).GetInfo()).Should().Be(list[1]);
    }
}
