using System.Diagnostics;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Xunit.Abstractions;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>Two nodes as separate processes on loopback, one cluster through PostgreSQL membership.</summary>
public sealed class TwoNodeTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Writes_through_both_nodes_land_once_each_and_the_survivor_serves_everything_after_the_other_is_killed()
    {
        var database = await postgres.CreateDatabase();
        var clusterId = $"two-{Guid.NewGuid():N}";
        await using var nodeA = await HubProcess.Start(HubSettings.PostgreSql(database, clusterId));
        await using var nodeB = await HubProcess.Start(HubSettings.PostgreSql(database, clusterId));
        var a = nodeA.GraphQL();
        var b = nodeB.GraphQL();

        // Both nodes write to the same neighbourhood grain at the same time.
        var submitted = await Task.WhenAll(Enumerable.Range(1, 16).Select(async n =>
        {
            var title = $"Plan {n}";
            var id = await FeedCheck.Submit(n % 2 == 0 ? a : b, "boerhaavewijk", title);
            return (Id: id!, Title: title);
        }));
        submitted.Select(s => s.Id).Should().NotContainNulls();
        var feedBefore = await FeedCheck.FeedWith(b, "boerhaavewijk", submitted.Select(s => s.Id), TimeSpan.FromSeconds(30));

        await nodeA.Kill();
        var clock = Stopwatch.StartNew();
        var firstTitle = await FeedCheck.Title(b, submitted[0].Id);
        output.WriteLine($"Node B answered the first read after node A was killed in {clock.Elapsed.TotalSeconds:F1} s.");
        var titles = new List<string?> { firstTitle };
        foreach (var (id, _) in submitted.Skip(1))
        {
            titles.Add(await FeedCheck.Title(b, id));
        }

        var afterKill = await FeedCheck.Submit(b, "boerhaavewijk", "Na de storing");
        var feedAfter = await FeedCheck.FeedWith(b, "boerhaavewijk", [afterKill!], TimeSpan.FromSeconds(30));

        feedBefore.Select(i => i.Sequence).Should().Equal(Enumerable.Range(1, 16).Select(n => (long)n));
        feedBefore.Select(i => i.InitiativeId).Should().BeEquivalentTo(submitted.Select(s => s.Id));
        titles.Should().Equal(submitted.Select(s => s.Title));
        afterKill.Should().NotBeNull();
        feedAfter.Should().Equal([.. feedBefore, (17L, afterKill!)]);
    }

    [Fact]
    public async Task A_grain_only_node_joins_the_cluster_hosts_grains_and_its_death_loses_nothing()
    {
        var database = await postgres.CreateDatabase();
        var clusterId = $"grain-node-{Guid.NewGuid():N}";
        await using var grainNode = await HubProcess.StartGrainNode(HubSettings.PostgreSql(database, clusterId));
        await using var web = await HubProcess.Start(HubSettings.PostgreSql(database, clusterId));
        var client = web.GraphQL();

        var active = await ActiveSilos(database, clusterId);
        var submitted = new List<(string Id, string Title)>();
        foreach (var n in Enumerable.Range(1, 12))
        {
            submitted.Add(((await FeedCheck.Submit(client, "molenwijk", $"Plan {n}"))!, $"Plan {n}"));
        }

        await grainNode.Kill();
        var titles = new List<string?>();
        foreach (var (id, _) in submitted)
        {
            titles.Add(await FeedCheck.Title(client, id));
        }

        active.Should().Be(2);
        titles.Should().Equal(submitted.Select(s => s.Title));
        (await FeedCheck.FeedWith(client, "molenwijk", submitted.Select(s => s.Id), TimeSpan.FromSeconds(30))).Select(i => i.InitiativeId).Should().BeEquivalentTo(submitted.Select(s => s.Id));
    }

    private static async Task<long> ActiveSilos(string connectionString, string clusterId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @id AND Status = 3", connection);
        command.Parameters.AddWithValue("id", clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
