using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// Reentrant so that reports arriving while summaries are being written share the next write
/// (group commit): under load one write stores many reports. Every method changes memory in one
/// turn, before its first await, so interleaving never sees half a change. The summaries are
/// stored as rows (<see cref="IIndexRows"/>): a write stores the summaries reported since the
/// last one, not the whole neighbourhood.
/// </summary>
/// <param name="state">
/// The whole-neighbourhood state of hubs from before the rows: read once, moved into rows and
/// cleared on the first activation after the update.
/// </param>
/// <param name="rows">Where the summaries are stored, one row each.</param>
[Reentrant]
public sealed class NeighbourhoodIndexGrain(
    [PersistentState("neighbourhood-index", GrainStorage.Name)] IPersistentState<NeighbourhoodIndexState> state,
    IIndexRows rows)
    : Grain, INeighbourhoodIndexGrain
{
    // The summaries held, and those reported since the last write began (stored by the next).
    private readonly Dictionary<Guid, InitiativeSummary> _summaries = [];
    private readonly HashSet<Guid> _unstored = [];

    /// <summary>The most items one list call returns (a page of 100 and one to tell whether there is more).</summary>
    public const int MaxList = 101;

    // Period figures per month, and what is open now by due day (in all and per official).
    private readonly Dictionary<int, OverviewFigures> _months = [];
    private readonly Dictionary<DateOnly, int> _openByDue = [];
    private readonly Dictionary<string, (string Name, Dictionary<DateOnly, int> OpenByDue)> _officials = [];

    // The initiatives in list order (newest first), and how many match a filter on a day. Both are
    // kept in memory beside the state and rebuilt on activation, so that a page walks the order to
    // its last item instead of sorting the whole neighbourhood, and a count is made once per
    // filter and day until the next report (a neighbourhood holds about 30,000 at national scale).
    private readonly SortedSet<InitiativeListKey> _order = [];
    private readonly Dictionary<(InitiativeFilter Filter, DateOnly Today), int> _counts = [];

    /// <summary>At most this many counts are kept; then they are made again.</summary>
    private const int MaxCounts = 64;

    // The initiatives with a place, by their point (NetTopologySuite), for lists by distance.
    private readonly NetTopologySuite.Index.Quadtree.Quadtree<Guid> _places = new();

    private GroupCommit? _commit;

    private GroupCommit Commit => _commit ??= new GroupCommit(StoreUnstored, DeactivateOnIdle);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        var stored = await rows.Load(code, cancellationToken);
        if (state.RecordExists && state.State.Initiatives.Count > 0)
        {
            // A hub from before the rows: move the whole-neighbourhood state into rows (a repeat
            // after a crash changes nothing), then clear it.
            await rows.Store(code, [.. state.State.Initiatives.Values], cancellationToken);
            stored = [.. stored.Concat(state.State.Initiatives.Values)];
            await state.ClearStateAsync(cancellationToken);
        }

        foreach (var summary in stored)
        {
            Hold(summary);
        }

        if (_summaries.Count == 0)
        {
            // Nothing stored: a neighbourhood without initiatives yet, or a store from before the
            // index existed. The neighbourhood knows which initiatives published in it; each
            // reports itself (not awaited: they call back into this grain).
            var known = await GrainFactory.GetGrain<INeighbourhoodGrain>(code).GetInitiativeIds();
            foreach (var id in known)
            {
                GrainFactory.GetGrain<IInitiativeGrain>(id).ReportToIndex().Ignore();
            }
        }
    }

    /// <summary>Stores the summaries reported since the last write began.</summary>
    private Task StoreUnstored()
    {
        var summaries = _unstored.Select(id => _summaries[id]).ToList();
        _unstored.Clear();
        return rows.Store(this.GetPrimaryKeyString(), summaries);
    }

    /// <summary>Takes a summary into memory (lists, places, figures) unless a newer one is held; whether it did.</summary>
    private bool Hold(InitiativeSummary summary)
    {
        if (_summaries.TryGetValue(summary.Id, out var held))
        {
            if (held.Revision >= summary.Revision)
            {
                return false;
            }

            Apply(held, -1);
            _order.Remove(Key(held));
            Place(held, insert: false);
        }

        _summaries[summary.Id] = summary;
        Apply(summary, +1);
        _order.Add(Key(summary));
        Place(summary, insert: true);
        return true;
    }

    public Task Report(InitiativeSummary summary)
    {
        if (!Hold(summary))
        {
            // Known already; it is stored once the write under way (if any) is done.
            return Commit.Stored;
        }

        _unstored.Add(summary.Id);
        _counts.Clear();
        return Commit.Write();
    }

    public Task<InitiativeListPart> List(InitiativeFilter filter, InitiativeListKey? after, int max, DateOnly today) =>
        Task.FromResult(Page(filter, today, after is null ? _order : After(after), max));

    public Task<InitiativeListPart> ListOldestFirst(InitiativeFilter filter, int max, DateOnly today) =>
        Task.FromResult(Page(filter, today, _order.Reverse(), max));

    public Task<InitiativeNearPart> ListNear(InitiativeFilter filter, InitiativeNearKey? after, int max, DateOnly today)
    {
        if (filter.Near is not { } near)
        {
            return Task.FromResult(new InitiativeNearPart([], 0));
        }

        // The quadtree gives the places in the circle's rectangle; the filter measures each.
        var matches = new List<InitiativeNearKey>();
        foreach (var id in _places.Query(Geo.MunicipalityMap.Around(near.Point, near.RadiusMetres)).Distinct())
        {
            var summary = _summaries[id];
            if (filter.Matches(summary, today))
            {
                matches.Add(new InitiativeNearKey(Geo.MunicipalityMap.DistanceMetres(near.Point, summary.Location!), id));
            }
        }

        matches.Sort();
        var page = matches.Where(k => after is null || k.CompareTo(after) > 0).Take(Math.Clamp(max, 0, MaxList)).ToList();
        return Task.FromResult(new InitiativeNearPart(page, matches.Count));
    }

    private void Place(InitiativeSummary summary, bool insert)
    {
        if (summary.Location is not { } point)
        {
            return;
        }

        var spot = new NetTopologySuite.Geometries.Envelope(point.Longitude, point.Longitude, point.Latitude, point.Latitude);
        if (insert)
        {
            _places.Insert(spot, summary.Id);
        }
        else
        {
            _places.Remove(spot, summary.Id);
        }
    }

    private static InitiativeListKey Key(InitiativeSummary summary) => new(summary.SubmittedAt, summary.Id);

    /// <summary>The initiatives after the cursor, in list order.</summary>
    private IEnumerable<InitiativeListKey> After(InitiativeListKey after) =>
        _order.Count == 0 || after.CompareTo(_order.Max) >= 0
            ? []
            : _order.GetViewBetween(after, _order.Max!).Where(k => k.CompareTo(after) > 0);

    private InitiativeListPart Page(InitiativeFilter filter, DateOnly today, IEnumerable<InitiativeListKey> ordered, int max)
    {
        var take = Math.Clamp(max, 0, MaxList);
        var count = Count(filter, today);
        var items = new List<InitiativeListKey>(Math.Min(take, count));
        foreach (var key in ordered)
        {
            // Stop at a full page, or when every match is found (none: no walk at all).
            if (items.Count == take || items.Count == count)
            {
                break;
            }

            if (filter.Matches(_summaries[key.Id], today))
            {
                items.Add(key);
            }
        }

        return new InitiativeListPart(items, count);
    }

    private int Count(InitiativeFilter filter, DateOnly today)
    {
        if (filter == NoFilter)
        {
            return _summaries.Count;
        }

        if (!_counts.TryGetValue((filter, today), out var count))
        {
            if (_counts.Count >= MaxCounts)
            {
                _counts.Clear();
            }

            count = 0;
            foreach (var summary in _summaries.Values)
            {
                if (filter.Matches(summary, today))
                {
                    count++;
                }
            }

            _counts[(filter, today)] = count;
        }

        return count;
    }

    private static readonly InitiativeFilter NoFilter = new();

    public Task<OverviewFigures> GetFigures(int fromMonth, int toMonth, DateOnly today)
    {
        var figures = new OverviewFigures();
        var months = toMonth - fromMonth + 1 <= _months.Count
            ? Enumerable.Range(fromMonth, Math.Max(0, toMonth - fromMonth + 1)).Where(_months.ContainsKey)
            : _months.Keys.Where(m => m >= fromMonth && m <= toMonth);
        foreach (var month in months)
        {
            figures.Add(_months[month]);
        }

        figures.OpenSteps = _openByDue.Values.Sum();
        figures.OverdueSteps = Overdue(_openByDue, today);
        foreach (var (id, official) in _officials)
        {
            figures.Workload[id] = new OfficialLoad(id, official.Name, official.OpenByDue.Values.Sum(), Overdue(official.OpenByDue, today));
        }

        return Task.FromResult(figures);
    }

    public Task<IReadOnlyList<Guid>> DueForCheck(DateOnly today) =>
        Task.FromResult<IReadOnlyList<Guid>>(_summaries.Values.Where(s => s.IsDueForCheck(today)).Select(s => s.Id).ToList());

    private static int Overdue(Dictionary<DateOnly, int> openByDue, DateOnly today) =>
        openByDue.Where(d => ServiceNorms.IsOverdue(d.Key, today)).Sum(d => d.Value);

    /// <summary>Counts (+1) or uncounts (−1) an initiative in the figures.</summary>
    private void Apply(InitiativeSummary summary, int sign)
    {
        foreach (var month in OverviewFigures.MonthsOf(summary))
        {
            if (!_months.TryGetValue(month, out var figures))
            {
                _months[month] = figures = new OverviewFigures();
            }

            figures.ApplyPeriod(summary, month, sign);
        }

        if (summary.CurrentStepDue is not { } due)
        {
            return;
        }

        OverviewFigures.Bump(_openByDue, due, sign);
        if (summary.ContactOfficialId is { } officialId)
        {
            var official = _officials.TryGetValue(officialId, out var known) ? known : (summary.ContactOfficialName ?? officialId, []);
            OverviewFigures.Bump(official.OpenByDue, due, sign);
            if (official.OpenByDue.Count == 0)
            {
                _officials.Remove(officialId);
            }
            else
            {
                _officials[officialId] = (sign > 0 && summary.ContactOfficialName is { } name ? name : official.Name, official.OpenByDue);
            }
        }
    }
}
