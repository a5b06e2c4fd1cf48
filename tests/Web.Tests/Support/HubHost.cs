using Haarlem.Initiatives.Grains.Common;
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

    /// <summary>A real SignalR client connected to the feed hub over WebSockets.</summary>
    public HubConnection FeedConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/feed"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .AddJsonProtocol(options => HubWebExtensions.ConfigureJson(options.PayloadSerializerOptions))
            .Build();
}
