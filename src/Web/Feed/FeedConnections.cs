using System.Collections.Concurrent;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>Which connections on this node follow which neighbourhood's feed: so an initiative's subscribers in it are not sent an item twice.</summary>
public sealed class FeedConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byNeighbourhood = new(StringComparer.Ordinal);
    private long _open;

    /// <summary>Live connections to the feed hub on this node.</summary>
    public long Open => Interlocked.Read(ref _open);

    public void Connected() => Interlocked.Increment(ref _open);

    public void Disconnected() => Interlocked.Decrement(ref _open);

    public void Add(string code, string connectionId) =>
        _byNeighbourhood.GetOrAdd(code, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[connectionId] = 0;

    public void Remove(string code, string connectionId)
    {
        if (_byNeighbourhood.TryGetValue(code, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public IReadOnlyList<string> Watching(string code) =>
        _byNeighbourhood.TryGetValue(code, out var connections) ? [.. connections.Keys] : [];
}
