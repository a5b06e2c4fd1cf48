using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>
/// The real web process (co-hosted silo, SQLite file, GraphQL, SignalR, pages) in a test server,
/// with the given node settings (see <see cref="HubSettings"/>) and a fake clock.
/// </summary>
public sealed class HubHost(IReadOnlyDictionary<string, string> settings, FakeTimeProvider time) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = time;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(HubClock.Key, Time));
    }

    public GraphQLClient GraphQL() => new(CreateClient());

    /// <summary>
    /// Waits until what the initiatives stored has been delivered to the feed, the index, the
    /// inboxes and the tables (a change is answered after its own write and delivered right after).
    /// </summary>
    public Task Delivered(params string[] initiativeIds) =>
        Services.GetRequiredService<IGrainFactory>().Delivered([.. initiativeIds.Select(Guid.Parse)]);

    /// <summary>
    /// A real SignalR client connected to the feed hub, over WebSockets unless another transport is
    /// asked for, signed in with <paramref name="token"/> when given (sent as access_token, as browsers do).
    /// </summary>
    public HubConnection FeedConnection(string? token = null, HttpTransportType transport = HttpTransportType.WebSockets) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/feed"), options =>
            {
                options.Transports = transport;
                options.SkipNegotiation = transport == HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    // As a browser does: the token in the query string, since a WebSocket has no headers to set.
                    var uri = new UriBuilder(context.Uri);
                    if (token is not null)
                    {
                        uri.Query = (uri.Query.Length > 1 ? uri.Query[1..] + "&" : "") + "access_token=" + Uri.EscapeDataString(token);
                    }

                    return await Server.CreateWebSocketClient().ConnectAsync(uri.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions))
            .Build();

    /// <summary>A bearer token for <paramref name="actor"/> from the development sign-in.</summary>
    public async Task<string> Token(Haarlem.Initiatives.Grains.Access.Actor actor)
    {
        var client = await GraphQL().SignIn(actor);
        return client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}
