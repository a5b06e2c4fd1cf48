using GraphQL;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Officials;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>The batching loaders of one GraphQL request, kept in its user context.</summary>
public sealed class HubLoaders
{
    private const string Key = "haarlem.loaders";

    private HubLoaders(IGrainFactory grains, ClusterCalls calls, ILoaderObserver? observer)
    {
        // Every neighbourhood comes from the directory in one call (there are a few dozen); one
        // defined outside the directory is asked for itself.
        Neighbourhoods = new("neighbourhoods", async (codes, cancellationToken) =>
        {
            var all = await calls.Run(() => NeighbourhoodDirectory.Get(grains).List(), cancellationToken);
            var found = all.Where(n => codes.Contains(n.Code)).ToDictionary(n => n.Code);
            var others = await FetchEach(codes.Where(c => !found.ContainsKey(c)).ToList(), c => grains.GetGrain<INeighbourhoodGrain>(c).GetInfo(), calls, cancellationToken);
            return found.Concat(others).ToDictionary();
        }, observer);
        Details = new("initiatives", (ids, cancellationToken) =>
            FetchEach(ids, id => grains.GetGrain<IInitiativeGrain>(id).GetDetails(), calls, cancellationToken), observer);
        Contacts = new("contacts", (ids, cancellationToken) =>
            FetchEach(ids, id => grains.GetGrain<IInitiativeGrain>(id).GetContact(), calls, cancellationToken), observer);
        Input = new("input", (ids, cancellationToken) =>
            FetchEach(ids, id => grains.GetGrain<IInitiativeGrain>(id).GetInput(), calls, cancellationToken), observer);
        Files = new("files", (ids, cancellationToken) =>
            FetchEach(ids, id => grains.GetGrain<IInitiativeGrain>(id).GetFile(), calls, cancellationToken), observer);
        Timelines = new("timelines", (ids, cancellationToken) =>
            FetchEach(ids, id => grains.GetGrain<IInitiativeGrain>(id).GetTimeline(), calls, cancellationToken), observer);
        Followers = new("followers", (ids, cancellationToken) =>
            FetchEach(ids, async id => (object?)await grains.GetGrain<IInitiativeGrain>(id).GetFollowerCount(), calls, cancellationToken), observer);
    }

    public BatchLoader<Guid, InitiativeInput> Input { get; }

    public BatchLoader<Guid, InitiativeFile> Files { get; }

    public BatchLoader<Guid, InitiativeTimeline> Timelines { get; }

    /// <summary>Follower counts (boxed ints).</summary>
    public BatchLoader<Guid, object> Followers { get; }

    public BatchLoader<string, NeighbourhoodInfo> Neighbourhoods { get; }

    public BatchLoader<Guid, InitiativeDetails> Details { get; }

    public BatchLoader<Guid, InitiativeContact> Contacts { get; }

    /// <summary>This request's loaders.</summary>
    public static HubLoaders For(IResolveFieldContext context)
    {
        lock (context.UserContext)
        {
            if (!context.UserContext.TryGetValue(Key, out var loaders))
            {
                var services = context.RequestServices!;
                context.UserContext[Key] = loaders = new HubLoaders(
                    services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<ClusterCalls>(), services.GetService<ILoaderObserver>());
            }

            return (HubLoaders)loaders!;
        }
    }

    /// <summary>One grain call per key, all at once: one round.</summary>
    private static async Task<IReadOnlyDictionary<TKey, TValue>> FetchEach<TKey, TValue>(
        IReadOnlyCollection<TKey> keys, Func<TKey, Task<TValue?>> call, ClusterCalls calls, CancellationToken cancellationToken)
        where TKey : notnull
        where TValue : class
    {
        var results = await Task.WhenAll(keys.Select(async key => (key, value: await calls.Run(() => call(key), cancellationToken))));
        return results.Where(r => r.value is not null).ToDictionary(r => r.key, r => r.value!);
    }
}
