using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>The live feed across two nodes (separate processes on PostgreSQL), with the real SignalR client.</summary>
public sealed class LiveAcrossNodesTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task An_item_produced_through_one_node_reaches_a_client_on_the_other_and_still_does_after_that_node_is_killed()
    {
        var database = await postgres.CreateDatabase();
        var clusterId = $"live-{Guid.NewGuid():N}";
        await using var nodeA = await HubProcess.Start(HubSettings.PostgreSql(database, clusterId));
        await using var nodeB = await HubProcess.Start(HubSettings.PostgreSql(database, clusterId));
        await using var client = nodeA.FeedConnection();
        var items = Channel.CreateUnbounded<FeedItem>();
        client.On<FeedItem>("feedItem", item => items.Writer.TryWrite(item));
        await client.StartAsync();
        await client.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "spaarndam", 0L);

        var throughB = await FeedCheck.Submit(nodeB.GraphQL(), "spaarndam", "Via knooppunt B");
        var first = await items.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await nodeB.Kill();
        var throughA = await FeedCheck.Submit(nodeA.GraphQL(), "spaarndam", "Na de storing, via A");
        // If the neighbourhood's grain lived on B, it comes back on A without its observers; the
        // relay's next renewal (within 5 s) brings what was published meanwhile.
        var second = await items.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        (first.Sequence, first.Title, first.InitiativeId.ToString()).Should().Be((1L, "Via knooppunt B", throughB!));
        (second.Sequence, second.Title, second.InitiativeId.ToString()).Should().Be((2L, "Na de storing, via A", throughA!));
        items.Reader.TryRead(out var extra).Should().BeFalse(extra?.ToString());
    }
}
