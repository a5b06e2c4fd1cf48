using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Cluster;

/// <summary>Reads a neighbourhood's feed and the initiatives acknowledged to clients, for the durability tests.</summary>
public static class FeedCheck
{
    public const string SubmitQuery = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id title } errors { code } } }";

    /// <summary>Submits; returns the id when the hub acknowledged it, null when it answered with an error.</summary>
    public static async Task<string?> Submit(GraphQLClient client, string neighbourhood, string title)
    {
        await client.EnsureSignedIn(TestPeople.Initiator);
        var response = await client.Send(SubmitQuery, new { input = new { title, neighbourhoodCode = neighbourhood, theme = "SOCIAL" } });
        return response.Data?["submitInitiative"]?["initiative"]?["id"]?.GetValue<string>();
    }

    public static async Task<string?> Title(GraphQLClient client, string id)
    {
        var response = await client.Send("query($id: ID!) { initiative(id: $id) { title } }", new { id });
        return response.Data?["initiative"]?["title"]?.GetValue<string>();
    }

    /// <summary>
    /// Reads the feed until it holds every one of <paramref name="initiatives"/> (a change is
    /// delivered to the feed right after its commit, and after a crash by the delivery sweeper), or
    /// until <paramref name="within"/> has passed; returns the last feed read, so the assertion that
    /// follows shows what was there.
    /// </summary>
    public static async Task<List<(long Sequence, string InitiativeId)>> FeedWith(
        GraphQLClient client, string neighbourhood, IEnumerable<string> initiatives, TimeSpan within)
    {
        var wanted = initiatives.ToHashSet();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var feed = await Feed(client, neighbourhood);
            if (wanted.IsSubsetOf(feed.Select(i => i.InitiativeId)) || deadline.Elapsed > within)
            {
                return feed;
            }

            await poll.WaitForNextTickAsync();
        }
    }

    /// <summary>The whole feed, oldest first, as (sequence, initiative id): page after page of 100.</summary>
    public static async Task<List<(long Sequence, string InitiativeId)>> Feed(GraphQLClient client, string neighbourhood)
    {
        var items = new List<(long Sequence, string InitiativeId)>();
        string? after = null;
        while (true)
        {
            var response = await client.Send(
                "query($code: String!, $after: String) { neighbourhood(code: $code) { feed(first: 100, after: $after) { pageInfo { hasNextPage endCursor } items { sequence initiativeId } } } }",
                new { code = neighbourhood, after });
            var feed = response.Data!["neighbourhood"]!["feed"]!;
            items.AddRange(feed["items"]!.AsArray().Select(i => (i!["sequence"]!.GetValue<long>(), i["initiativeId"]!.GetValue<string>())));
            if (!feed["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                items.Reverse();
                return items;
            }

            after = feed["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }
}
