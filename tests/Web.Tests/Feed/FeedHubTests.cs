using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Web.Tests.Feed;

public sealed class FeedHubTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private async Task<string> SubmitIn(string neighbourhood, string title)
    {
        var response = await (await fixture.Host.GraphQL().SignIn(TestPeople.Initiator)).Send(
            "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { code } } }",
            new { input = new { title, neighbourhoodCode = neighbourhood, theme = "SOCIAL" } });
        response.Data!["submitInitiative"]!["errors"]!.AsArray().Should().BeEmpty();
        return response.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Subscribing_after_a_sequence_number_returns_exactly_the_items_after_it_in_order()
    {
        // The feed is delivered from the initiatives' outboxes, a few milliseconds after each answer
        // (each on its own: one is delivered before the next is sent, so the feed's order is theirs).
        foreach (var title in new[] { "Buurtfeest", "Speelplein", "Moestuin" })
        {
            await fixture.Host.Delivered(await SubmitIn("meerwijk", title));
        }
        await using var connection = fixture.Host.FeedConnection();
        await connection.StartAsync();

        var missed = await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "meerwijk", 1L);

        missed.Select(i => (i.Sequence, i.Title)).Should().Equal((2L, "Speelplein"), (3L, "Moestuin"));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_neighbourhood_names_the_problem()
    {
        await using var connection = fixture.Host.FeedConnection();
        await connection.StartAsync();

        var subscribing = () => connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "nergenshuizen", 0L);

        (await subscribing.Should().ThrowAsync<HubException>())
            .Which.Message.Should().EndWith("HubException: code: 'nergenshuizen' is not a known neighbourhood.");
    }

    [Fact]
    public async Task A_client_only_receives_items_of_the_neighbourhoods_it_subscribed_to()
    {
        await using var connection = fixture.Host.FeedConnection();
        var received = System.Threading.Channels.Channel.CreateUnbounded<FeedItem>();
        connection.On<FeedItem>("feedItem", item => received.Writer.TryWrite(item));
        await connection.StartAsync();
        await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "molenwijk", 0L);

        await SubmitIn("europawijk", "Elders");
        await SubmitIn("molenwijk", "Hier");

        var first = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        (first.NeighbourhoodCode, first.Sequence, first.Title).Should().Be(("molenwijk", 1L, "Hier"));
        received.Reader.TryRead(out _).Should().BeFalse();
    }
}
