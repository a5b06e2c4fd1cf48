using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// Reentrant so that reports arriving while the state is being written share the next write
/// (group commit): under load one write stores many reports. Every method changes memory in one
/// turn, before its first await, so interleaving never sees half a change.
/// </summary>
[Reentrant]
public sealed class NeighbourhoodIndexGrain(
    [PersistentState("neighbourhood-index", GrainStorage.Name)] IPersistentState<NeighbourhoodIndexState> state)
    : Grain, INeighbourhoodIndexGrain
{
    /// <summary>The most items one list call returns (a page of 100 and one to tell whether there is more).</summary>
    public const int MaxList = 101;

    // Period figures per month, and what is open now by due day (in all and per official).
    private readonly Dictionary<int, OverviewFigures> _months = [];
    private readonly Dictionary<DateOnly, int> _openByDue = [];
    private readonly Dictionary<string, (string Name, Dictionary<DateOnly, int> OpenByDue)> _officials = [];

    private GroupCommit? _commit;

    private GroupCommit Commit => _commit ??= new GroupCommit(() => state.WriteStateAsync(), DeactivateOnIdle);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var summary in state.State.Initiatives.Values)
        {
            Apply(summary, +1);
        }

        if (!state.RecordExists)
        {
            // A store from before the index existed: the neighbourhood knows which initiatives
            // published in it; each reports itself (not awaited: they call back into this grain).
            var known = await GrainFactory.GetGrain<INeighbourhoodGrain>(this.GetPrimaryKeyString()).GetInitiativeIds();
            foreach (var id in known)
            {
                GrainFactory.GetGrain<IInitiativeGrain>(id).ReportToIndex().Ignore();
            }
        }
    }

    public Task Report(InitiativeSummary summary)
    {
        if (state.State.Initiatives.TryGetValue(summary.Id, out var held))
        {
            if (held.Revision >= summary.Revision)
            {
                // Known already; it is stored once the write under way (if any) is done.
                return Commit.Stored;
            }

            Apply(held, -1);
        }

        state.State.Initiatives[summary.Id] = summary;
        Apply(summary, +1);
        return Commit.Write();
    }

    public Task<InitiativeListPart> List(InitiativeFilter filter, InitiativeListKey? after, int max, DateOnly today) =>
        Task.FromResult(Page(filter, today, matches => matches.Where(k => after is null || k.CompareTo(after) > 0).Order(), max));

    public Task<InitiativeListPart> ListOldestFirst(InitiativeFilter filter, int max, DateOnly today) =>
        Task.FromResult(Page(filter, today, matches => matches.OrderDescending(), max));

    private InitiativeListPart Page(InitiativeFilter filter, DateOnly today, Func<IEnumerable<InitiativeListKey>, IEnumerable<InitiativeListKey>> order, int max)
    {
        var matches = state.State.Initiatives.Values
            .Where(s => filter.Matches(s, today))
            .Select(s => new InitiativeListKey(s.SubmittedAt, s.Id))
            .ToList();
        return new InitiativeListPart(order(matches).Take(Math.Clamp(max, 0, MaxList)).ToList(), matches.Count);
    }

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
