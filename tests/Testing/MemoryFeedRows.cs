using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// The neighbourhood feeds' rows in memory, one store per silo (like its grain storage), for grain
/// tests without a database. Numbers and repeats as the SQL ones give them (tested in Silo.Tests):
/// the feed's next number, none for an event of an initiative at or below one stored.
/// </summary>
public sealed class MemoryFeedRows : IFeedRows
{
    private readonly Dictionary<string, List<FeedItem>> _feeds = [];
    private readonly Dictionary<Guid, int> _published = [];
    private int _failures;

    /// <summary>The next <paramref name="count"/> appends fail, as a database that does not answer.</summary>
    public void FailAppends(int count) => Volatile.Write(ref _failures, count);

    public Task<IReadOnlyList<FeedItem?>> Append(string neighbourhood, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new TimeoutException($"Injected outage appending to the feed of {neighbourhood}.");
        }

        lock (_feeds)
        {
            var feed = Feed(neighbourhood);
            var items = new List<FeedItem?>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.EventNumber <= _published.GetValueOrDefault(entry.InitiativeId))
                {
                    items.Add(null);
                    continue;
                }

                var item = new FeedItem(neighbourhood, feed.Count + 1, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId);
                feed.Add(item);
                _published[entry.InitiativeId] = entry.EventNumber;
                items.Add(item);
            }

            return Task.FromResult<IReadOnlyList<FeedItem?>>(items);
        }
    }

    public Task<IReadOnlyList<FeedItem>> Read(string neighbourhood, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_feeds)
        {
            return Task.FromResult<IReadOnlyList<FeedItem>>(Feed(neighbourhood).Where(i => i.Sequence > afterSequence).Take(max).ToList());
        }
    }

    public Task<IReadOnlyList<FeedItem>> Latest(string neighbourhood, int max, CancellationToken cancellationToken = default)
    {
        lock (_feeds)
        {
            return Task.FromResult<IReadOnlyList<FeedItem>>(Feed(neighbourhood).AsEnumerable().Reverse().Take(max).ToList());
        }
    }

    public Task<IReadOnlyList<Guid>> Initiatives(string neighbourhood, CancellationToken cancellationToken = default)
    {
        lock (_feeds)
        {
            return Task.FromResult<IReadOnlyList<Guid>>(Feed(neighbourhood).Select(i => i.InitiativeId).Distinct().ToList());
        }
    }

    public Task Import(IReadOnlyList<FeedItem> items, CancellationToken cancellationToken = default)
    {
        lock (_feeds)
        {
            foreach (var item in items.OrderBy(i => i.Sequence))
            {
                var feed = Feed(item.NeighbourhoodCode);
                if (item.Sequence == feed.Count + 1)
                {
                    feed.Add(item);
                    _published[item.InitiativeId] = Math.Max(_published.GetValueOrDefault(item.InitiativeId), Math.Max(1, item.EventNumber));
                }
            }
        }

        return Task.CompletedTask;
    }

    private List<FeedItem> Feed(string neighbourhood)
    {
        if (!_feeds.TryGetValue(neighbourhood, out var feed))
        {
            _feeds[neighbourhood] = feed = [];
        }

        return feed;
    }
}
