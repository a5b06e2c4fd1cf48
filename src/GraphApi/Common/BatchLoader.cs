using GraphQL.DataLoader;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>Told of every batch a loader sends: how the tests count rounds of grain calls.</summary>
public interface ILoaderObserver
{
    void OnBatch(string loader, int keys);
}

/// <summary>
/// A per-request batching loader. Resolvers ask for keys and get a pending result; GraphQL.NET
/// runs pending results only after every other field at that level has resolved, so all keys
/// asked for by a list of N items go out as one batch (one round of grain calls, run
/// concurrently), and a key asked for twice is fetched once.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    string name,
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    ILoaderObserver? observer)
    where TKey : notnull
    where TValue : class
{
    private readonly string _name = name;
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch = fetch;
    private readonly ILoaderObserver? _observer = observer;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private readonly Dictionary<TKey, TValue?> _known = [];
    private Batch? _open;

    /// <summary>
    /// Fetches one key now, on its own, and keeps its value for this request: the single-object
    /// path, where waiting for a batch would only add a round.
    /// </summary>
    public async Task Fetch(TKey key, CancellationToken cancellationToken)
    {
        _observer?.OnBatch(_name, 1);
        var found = await _fetch([key], cancellationToken);
        Prime(key, found.GetValueOrDefault(key));
    }

    /// <summary>Keeps a value fetched outside the loader (null: there is none) for this request.</summary>
    public void Prime(TKey key, TValue? value)
    {
        lock (_gate)
        {
            _known[key] = value;
        }
    }

    /// <summary>
    /// What <paramref name="map"/> makes of the key's value: at once when it is known (fetched or
    /// primed), else a pending result that goes out with the next batch.
    /// </summary>
    public object? Get<TResult>(TKey key, Func<TValue?, TResult?> map)
    {
        lock (_gate)
        {
            if (_known.TryGetValue(key, out var value))
            {
                return map(value);
            }
        }

        return Load(key, map);
    }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Pending(batch, key);
        }
    }

    /// <summary>As <see cref="Load(TKey)"/>, giving what <paramref name="map"/> makes of the value.</summary>
    public IDataLoaderResult<TResult?> Load<TResult>(TKey key, Func<TValue?, TResult?> map) => new Mapped<TResult>(Load(key), map);

    private sealed class Mapped<TResult>(IDataLoaderResult<TValue?> pending, Func<TValue?, TResult?> map) : IDataLoaderResult<TResult?>
    {
        public async Task<TResult?> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await pending.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class Batch(BatchLoader<TKey, TValue> loader)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _result;

        public HashSet<TKey> Keys { get; } = [];

        /// <summary>Sends the batch the first time any of its results is needed; later keys go into a new batch.</summary>
        public Task<IReadOnlyDictionary<TKey, TValue>> Result(CancellationToken cancellationToken)
        {
            lock (loader._gate)
            {
                if (_result is null)
                {
                    if (loader._open == this)
                    {
                        loader._open = null;
                    }

                    loader._observer?.OnBatch(loader._name, Keys.Count);
                    _result = loader._fetch(Keys, cancellationToken);
                }

                return _result;
            }
        }
    }

    private sealed class Pending(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await batch.Result(cancellationToken)).GetValueOrDefault(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
