using System.Collections.Concurrent;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>A node killed with SIGKILL in the middle of writes loses no write it acknowledged.</summary>
public sealed class CrashTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Writers = 4;
    private const int KillAfter = 30;
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Every_acknowledged_submission_survives_a_SIGKILL_exactly_once_and_the_feed_has_no_gap(string provider)
    {
        var settings = provider == "Sqlite"
            ? HubSettings.Sqlite(_folder.File("hub.db"))
            : HubSettings.PostgreSql(await postgres.CreateDatabase(), $"crash-{Guid.NewGuid():N}");
        var acknowledged = new ConcurrentDictionary<string, string>();
        var node = await HubProcess.Start(settings);
        var killed = 0;

        async Task Write(int writer)
        {
            var client = node.GraphQL();
            for (var n = 0; ; n++)
            {
                var title = $"Schrijver {writer} nummer {n}";
                try
                {
                    if (await FeedCheck.Submit(client, "europawijk", title) is { } id)
                    {
                        acknowledged[id] = title;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return; // the node is gone: this submission was never acknowledged
                }

                if (acknowledged.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await node.Kill(); // while the other writers have requests in flight
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Writers).Select(Write));
        await node.DisposeAsync();

        await using var restarted = await HubProcess.Start(settings);
        var client = restarted.GraphQL();
        foreach (var (id, title) in acknowledged)
        {
            (await FeedCheck.Title(client, id)).Should().Be(title, $"initiative {id} was acknowledged");
        }

        var feed = await FeedCheck.FeedWith(client, "europawijk", acknowledged.Keys, TimeSpan.FromSeconds(30));
        feed.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, feed.Count).Select(n => (long)n), "the feed has no gap");
        feed.Select(i => i.InitiativeId).Should().OnlyHaveUniqueItems();
        feed.Select(i => i.InitiativeId).Should().Contain(acknowledged.Keys);
        acknowledged.Count.Should().BeGreaterThanOrEqualTo(KillAfter);
    }
}
