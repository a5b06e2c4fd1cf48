using Microsoft.AspNetCore.SignalR;
using System.Collections.Concurrent;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>Which connections on this node follow which neighbourhood's feed: so an initiative's subscribers in it are not sent an item twice.</summary>
public sealed class FeedConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byNeighbourhood = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private volatile bool _closing;

    /// <summary>Live connections to the feed hub on this node.</summary>
    public long Open => _open.Count;

    /// <summary>
    /// Counts a new connection; false when the node is stopping, and then the connection is closed
    /// at once, so that its client connects to another node.
    /// </summary>
    public bool Connected(HubCallerContext connection)
    {
        _open[connection.ConnectionId] = connection;
        if (_closing)
        {
            connection.Abort();
            return false;
        }

        return true;
    }

    public void Disconnected(HubCallerContext connection) => _open.TryRemove(connection.ConnectionId, out _);

    /// <summary>The node stops: closes every live connection and every one that still arrives.</summary>
    public void CloseAll()
    {
        _closing = true;
        foreach (var connection in _open.Values)
        {
            connection.Abort();
        }
    }

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
