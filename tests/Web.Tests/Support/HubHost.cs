using Haarlem.Initiatives.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>
/// The real web process (co-hosted silo, SQLite file, GraphQL, SignalR, pages) in a test server,
/// on its own SQLite file and free cluster ports, with a fake clock.
/// </summary>
public sealed class HubHost(string sqlitePath, FakeTimeProvider time) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = time;

    public string SqlitePath { get; } = sqlitePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", SqlitePath);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
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
