namespace Haarlem.Initiatives.Grains.Index;

/// <summary>
/// The initiatives of one neighbourhood, as summaries, and its council figures per month,
/// kept up to date by the initiatives themselves. Key: the neighbourhood's code. Lists and the
/// council's overview read these grains (a few dozen), never every initiative.
/// </summary>
[Alias("haarlem.neighbourhood-index")]
public interface INeighbourhoodIndexGrain : IGrainWithStringKey
{
    /// <summary>Takes an initiative's newest summary; an older revision than the one held is ignored.</summary>
    [Alias("report")]
    Task Report(InitiativeSummary summary);

    /// <summary>The initiatives matching the filter, newest first, after <paramref name="after"/>, at most <paramref name="max"/> (up to 101).</summary>
    [Alias("list")]
    Task<InitiativeListPart> List(InitiativeFilter filter, InitiativeListKey? after, int max, DateOnly today);

    /// <summary>The initiatives matching the filter that wait longest: oldest first, at most <paramref name="max"/> (up to 101).</summary>
    [Alias("list-oldest-first")]
    Task<InitiativeListPart> ListOldestFirst(InitiativeFilter filter, int max, DateOnly today);

    /// <summary>
    /// The initiatives with a place within the filter's <see cref="InitiativeFilter.Near"/> circle
    /// that match the rest of it: nearest first, after <paramref name="after"/>, at most <paramref name="max"/> (up to 101).
    /// </summary>
    [Alias("list-near")]
    Task<InitiativeNearPart> ListNear(InitiativeFilter filter, InitiativeNearKey? after, int max, DateOnly today);

    /// <summary>The figures of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (see <see cref="OverviewFigures.MonthOf"/>), with the current ones as of <paramref name="today"/>.</summary>
    [Alias("get-figures")]
    Task<OverviewFigures> GetFigures(int fromMonth, int toMonth, DateOnly today);

    /// <summary>
    /// The open initiatives that want their deadlines checked on <paramref name="today"/> (a step or
    /// an agreement past its day): the neighbourhood's hourly reminder asks, and calls each.
    /// </summary>
    [Alias("due-for-check")]
    Task<IReadOnlyList<Guid>> DueForCheck(DateOnly today);
}
