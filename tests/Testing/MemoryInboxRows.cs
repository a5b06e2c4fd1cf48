using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// The people's inboxes in memory, one store per silo (like its grain storage), for grain tests
/// without a database: numbered per person, each event once per person, as the SQL ones (tested
/// in Silo.Tests).
/// </summary>
public sealed class MemoryInboxRows : IInboxRows
{
    private readonly Dictionary<string, List<PrivateItem>> _inboxes = [];

    private readonly Dictionary<(int Month, NoticeRoute Route), int> _counts = [];

    /// <summary>Every notice stored, with its route, as the post and the call queue would take them.</summary>
    public List<(string UserId, PrivateItem Item, NoticeRoute Route)> Routed { get; } = [];

    public Task<IReadOnlyDictionary<NoticeRoute, int>> CountByRoute(int fromMonth, int toMonth, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            return Task.FromResult<IReadOnlyDictionary<NoticeRoute, int>>(_counts.Where(c => c.Key.Month >= fromMonth && c.Key.Month <= toMonth)
                .GroupBy(c => c.Key.Route).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)));
        }
    }

    public Task<IReadOnlyList<PrivateItem?>> Append(string userId, IReadOnlyList<PrivateEntry> entries, IReadOnlyList<NoticeRoute> routes, bool durable = false, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            var inbox = Inbox(userId);
            var items = new List<PrivateItem?>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (inbox.Exists(held => held.EventId == entry.EventId))
                {
                    items.Add(null);
                    continue;
                }

                var item = new PrivateItem(inbox.Count + 1, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, entry.Notice);
                inbox.Add(item);
                items.Add(item);
                Routed.Add((userId, item, routes[i]));
                var key = (Grains.Index.OverviewFigures.MonthOf(Grains.Norms.WorkingDays.DayOf(entry.OccurredAt)), routes[i]);
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }

            return Task.FromResult<IReadOnlyList<PrivateItem?>>(items);
        }
    }

    public Task<IReadOnlyList<PrivateItem>> Read(string userId, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            return Task.FromResult<IReadOnlyList<PrivateItem>>(Inbox(userId).Where(i => i.Sequence > afterSequence).Take(max).ToList());
        }
    }

    public Task<IReadOnlyList<PrivateItem>> Latest(string userId, int max, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            return Task.FromResult<IReadOnlyList<PrivateItem>>(Inbox(userId).AsEnumerable().Reverse().Take(max).ToList());
        }
    }

    public Task Import(string userId, IReadOnlyList<PrivateItem> items, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            var inbox = Inbox(userId);
            foreach (var item in items.OrderBy(i => i.Sequence).Where(i => i.Sequence > inbox.Count))
            {
                inbox.Add(item);
            }
        }

        return Task.CompletedTask;
    }

    public Task Forget(string userId, CancellationToken cancellationToken = default)
    {
        lock (_inboxes)
        {
            _inboxes.Remove(userId);
        }

        return Task.CompletedTask;
    }

    private List<PrivateItem> Inbox(string userId)
    {
        if (!_inboxes.TryGetValue(userId, out var inbox))
        {
            _inboxes[userId] = inbox = [];
        }

        return inbox;
    }
}
