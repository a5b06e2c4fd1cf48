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

    private readonly IGrainFactory _grains;
    private readonly ClusterCalls _calls;
    private readonly ILoaderObserver? _observer;

    private HubLoaders(IGrainFactory grains, ClusterCalls calls, ILoaderObserver? observer)
    {
        _grains = grains;
        _calls = calls;
        _observer = observer;

        // Every neighbourhood comes from the directory in one call (there are a few dozen); one
        // defined outside the directory is asked for itself.
        Neighbourhoods = new("neighbourhoods", async (codes, cancellationToken) =>
        {
            var all = await Directory(cancellationToken);
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

    /// <summary>
    /// The metadata key of an initiative field that is read from a loader: its value says how
    /// that loader fetches one initiative's value at once (<see cref="Initiative"/>).
    /// </summary>
    public const string PrefetchKey = "haarlem.prefetch";

    /// <summary>How each loader fetches one initiative's value at once (one shared instance each, so fields on the same loader fetch once).</summary>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchContact = (l, id, ct) => l.Contacts.Fetch(id, ct);

    /// <inheritdoc cref="FetchContact"/>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchInput = (l, id, ct) => l.Input.Fetch(id, ct);

    /// <inheritdoc cref="FetchContact"/>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchFile = (l, id, ct) => l.Files.Fetch(id, ct);

    /// <inheritdoc cref="FetchContact"/>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchTimeline = (l, id, ct) => l.Timelines.Fetch(id, ct);

    /// <inheritdoc cref="FetchContact"/>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchFollowers = (l, id, ct) => l.Followers.Fetch(id, ct);

    /// <summary>The neighbourhood: the whole directory in one call (its code is in the details, which are not read yet).</summary>
    public static readonly Func<HubLoaders, Guid, CancellationToken, Task> FetchNeighbourhoods = (l, _, ct) => l.KnowNeighbourhoods(ct);

    /// <summary>
    /// The single-object path of <c>initiative(id)</c>: the initiative, and what the query selects
    /// of it from loaders (each such field names its fetch under <see cref="PrefetchKey"/>), as one
    /// round of grain calls at once. Those fields then resolve from what was fetched instead of
    /// from a batch sent after each level, which pays off for a list of initiatives but only adds
    /// rounds for one.
    /// </summary>
    public async Task<InitiativeDetails?> Initiative(Guid id, IResolveFieldContext context)
    {
        var cancellationToken = context.CancellationToken;
        var details = _calls.Run(() => _grains.GetGrain<IInitiativeGrain>(id).GetDetails(), cancellationToken);
        var prefetches = new HashSet<Func<HubLoaders, Guid, CancellationToken, Task>>();
        foreach (var (_, field) in context.SubFields?.Values ?? Enumerable.Empty<(GraphQLParser.AST.GraphQLField, GraphQL.Types.FieldType)>())
        {
            if (field.GetMetadata<Func<HubLoaders, Guid, CancellationToken, Task>?>(PrefetchKey) is { } prefetch)
            {
                prefetches.Add(prefetch);
            }
        }

        await Task.WhenAll([details, .. prefetches.Select(prefetch => prefetch(this, id, cancellationToken))]);
        return await details;
    }

    /// <summary>Every neighbourhood in the directory, in one call.</summary>
    private Task<IReadOnlyList<NeighbourhoodInfo>> Directory(CancellationToken cancellationToken) =>
        _calls.Run(() => NeighbourhoodDirectory.Get(_grains).List(), cancellationToken);

    /// <summary>Every neighbourhood in the directory, known to <see cref="Neighbourhoods"/> for this request.</summary>
    private async Task KnowNeighbourhoods(CancellationToken cancellationToken)
    {
        var all = await Directory(cancellationToken);
        _observer?.OnBatch("neighbourhoods", all.Count);
        foreach (var neighbourhood in all)
        {
            Neighbourhoods.Prime(neighbourhood.Code, neighbourhood);
        }
    }

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
