using System.Threading.Channels;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Haarlem.Initiatives.Web.Tests.Feed;

/// <summary>The live feed with the real SignalR client: order, catch-up, initiative and private subscriptions, transports.</summary>
public sealed class RealtimeTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private IGrainFactory Grains => fixture.Host.Services.GetRequiredService<IGrainFactory>();

    private static Actor Resident(string id) => new(id, $"Bewoner {id}", new HashSet<HubRole> { HubRole.Resident });

    private async Task<(HubConnection Connection, ChannelReader<FeedItem> Items)> Listen(string? token = null, HttpTransportType transport = HttpTransportType.WebSockets)
    {
        var connection = fixture.Host.FeedConnection(token, transport);
        var items = Channel.CreateUnbounded<FeedItem>();
        connection.On<FeedItem>("feedItem", item => items.Writer.TryWrite(item));
        await connection.StartAsync();
        return (connection, items.Reader);
    }

    private async Task<Guid> Submit(string neighbourhood, string title, Actor? by = null)
    {
        var id = Guid.NewGuid();
        var result = await Grains.GetGrain<IInitiativeGrain>(id).Submit(new SubmitInitiative(title, "", neighbourhood, Theme.Social), by ?? TestPeople.Initiator);
        result.Errors.Should().BeEmpty();
        await Grains.Delivered(id);
        return id;
    }

    private static async Task<List<T>> Take<T>(ChannelReader<T> reader, int count)
    {
        var items = new List<T>();
        while (items.Count < count)
        {
            items.Add(await reader.ReadAsync().AsTask().WaitAsync(Wait));
        }

        return items;
    }

    [Fact]
    public async Task Items_from_concurrent_writers_arrive_in_order_without_gaps_or_doubles()
    {
        var (connection, items) = await Listen();
        await using var _ = connection;
        await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "transvaalbuurt", 0L);
        var writers = Enumerable.Range(1, 4).Select(async writer =>
        {
            var client = await fixture.Host.GraphQL().SignIn(Resident($"writer-{writer}"));
            for (var n = 1; n <= 5; n++)
            {
                var response = await client.Send(
                    "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { errors { code } } }",
                    new { input = new { title = $"Plan {writer}.{n}", neighbourhoodCode = "transvaalbuurt", theme = "SOCIAL" } });
                response.Data!["submitInitiative"]!["errors"]!.AsArray().Should().BeEmpty();
            }
        });

        await Task.WhenAll(writers);
        var received = await Take(items, 20);

        received.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, 20).Select(n => (long)n));
        received.Select(i => i.Title).Should().OnlyHaveUniqueItems().And.HaveCount(20);
        items.TryRead(out var extra).Should().BeFalse(extra?.ToString());
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_sequence_gets_exactly_what_it_missed()
    {
        var (first, items) = await Listen();
        await first.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "slachthuisbuurt", 0L);
        await Submit("slachthuisbuurt", "Eén");
        await Submit("slachthuisbuurt", "Twee");
        var seen = await Take(items, 2);
        await first.DisposeAsync();

        await Submit("slachthuisbuurt", "Drie");
        await Submit("slachthuisbuurt", "Vier");
        await Submit("slachthuisbuurt", "Vijf");
        var (second, later) = await Listen();
        await using var _ = second;
        var missed = await second.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "slachthuisbuurt", seen[^1].Sequence);
        await Submit("slachthuisbuurt", "Zes");
        var live = await Take(later, 1);

        seen.Select(i => (i.Sequence, i.Title)).Should().Equal((1L, "Eén"), (2L, "Twee"));
        missed.Select(i => (i.Sequence, i.Title)).Should().Equal((3L, "Drie"), (4L, "Vier"), (5L, "Vijf"));
        live.Select(i => (i.Sequence, i.Title)).Should().Equal((6L, "Zes"));
    }

    [Fact]
    public async Task An_initiative_subscription_catches_up_by_event_number_and_a_client_watching_both_gets_each_item_once()
    {
        var id = await Submit("van-zeggelenbuurt", "Buurtkast");
        var other = await Submit("van-zeggelenbuurt", "Jeu de boules");
        var (both, bothItems) = await Listen();
        await using var a = both;
        var (only, onlyItems) = await Listen();
        await using var b = only;
        await both.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", "van-zeggelenbuurt", 2L);
        await both.InvokeAsync<List<FeedItem>>("SubscribeToInitiative", id.ToString(), 1L);
        var caughtUp = await only.InvokeAsync<List<FeedItem>>("SubscribeToInitiative", id.ToString(), 0L);

        await Grains.GetGrain<IInitiativeGrain>(id).AssignContactOfficial(
            new ContactOfficial("official:sanne", "Sanne de Vries", "Wijkregisseur", "Noord", "s.devries@haarlem.nl", null), "Kees Jansen", null);
        await Grains.Delivered(id);
        await Grains.GetGrain<IInitiativeGrain>(other).AssignContactOfficial(
            new ContactOfficial("official:sanne", "Sanne de Vries", "Wijkregisseur", "Noord", "s.devries@haarlem.nl", null), "Kees Jansen", null);
        var toBoth = await Take(bothItems, 2);
        var toOnly = await Take(onlyItems, 1);

        caughtUp.Select(i => (i.EventNumber, i.Sequence, i.Kind, i.Title)).Should().Equal((1, 1L, FeedItemKind.InitiativeSubmitted, "Buurtkast"));
        toBoth.Select(i => (i.InitiativeId, i.EventNumber, i.Sequence)).Should().Equal((id, 2, 3L), (other, 2, 4L));
        toOnly.Select(i => (i.InitiativeId, i.EventNumber, i.Kind)).Should().Equal((id, 2, FeedItemKind.ContactOfficialChanged));
    }

    [Fact]
    public async Task A_private_item_reaches_only_the_person_it_is_for()
    {
        var id = await Submit("zuiderpolder", "Speeltuin");
        var initiative = Grains.GetGrain<IInitiativeGrain>(id);
        await initiative.GiveInput("resident-anna", InputKind.Question, "Komt er een schommel?");
        await initiative.GiveInput("resident-bram", InputKind.Concern, "Wordt het niet te druk?");
        var anna = fixture.Host.FeedConnection(await fixture.Host.Token(Resident("resident-anna")));
        var bram = fixture.Host.FeedConnection(await fixture.Host.Token(Resident("resident-bram")));
        await using var a = anna;
        await using var b = bram;
        var annaItems = Channel.CreateUnbounded<PrivateItem>();
        var bramItems = Channel.CreateUnbounded<PrivateItem>();
        anna.On<PrivateItem>("privateItem", item => annaItems.Writer.TryWrite(item));
        bram.On<PrivateItem>("privateItem", item => bramItems.Writer.TryWrite(item));
        await anna.StartAsync();
        await bram.StartAsync();
        await anna.InvokeAsync<List<PrivateItem>>("SubscribeToPrivate", 0L);
        await bram.InvokeAsync<List<PrivateItem>>("SubscribeToPrivate", 0L);

        await initiative.AnswerInput(1, "Ja, er komt een schommel.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);
        await initiative.AnswerInput(2, "We zetten er een bord bij.", InputOutcome.PartlyAdopted, "Het plein blijft open.", "Sanne de Vries", publishAnyway: false);
        var toAnna = await Take(annaItems.Reader, 1);
        var toBram = await Take(bramItems.Reader, 1);
        var annaLater = await anna.InvokeAsync<List<PrivateItem>>("SubscribeToPrivate", 0L);

        toAnna.Select(i => (i.Sequence, i.Text)).Should().Equal((1L, "U vroeg: \"Komt er een schommel?\" Het antwoord: Ja, er komt een schommel."));
        toBram.Select(i => (i.Sequence, i.Text)).Should().Equal((1L, "U vroeg: \"Wordt het niet te druk?\" Het antwoord: We zetten er een bord bij."));
        annaLater.Should().Equal(toAnna);
        annaItems.Reader.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public async Task Private_items_need_a_sign_in()
    {
        var (connection, _) = await Listen();
        await using var _ = connection;

        var subscribing = () => connection.InvokeAsync<List<PrivateItem>>("SubscribeToPrivate", 0L);

        (await subscribing.Should().ThrowAsync<HubException>())
            .Which.Message.Should().EndWith("HubException: Sign in first: private items are only for the person they are meant for.");
    }

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    public async Task Clients_without_WebSockets_get_the_same_items(HttpTransportType transport)
    {
        var code = transport == HttpTransportType.LongPolling ? "amsterdamse-buurt" : "planetenwijk";
        var (connection, items) = await Listen(transport: transport);
        await using var _ = connection;
        await connection.InvokeAsync<List<FeedItem>>("SubscribeToNeighbourhood", code, 0L);

        await Submit(code, "Zonder WebSockets");
        var received = await Take(items, 1);

        received.Select(i => (i.NeighbourhoodCode, i.Sequence, i.Title)).Should().Equal((code, 1L, "Zonder WebSockets"));
    }
}
