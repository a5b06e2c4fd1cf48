using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Web.Addresses;

namespace Haarlem.Initiatives.Web.Initiatives;

/// <summary>How the current step stands against its expected date.</summary>
public enum StepMark
{
    /// <summary>The initiative has ended (completed or withdrawn): no current step.</summary>
    Ended,
    OnTime,
    Overdue,

    /// <summary>The official moved the step's date, with a reason; not past the new date.</summary>
    Extended,
}

/// <summary>What a card shows of one initiative wherever initiatives are listed.</summary>
public sealed record InitiativeCard(
    Guid Id,
    string Title,
    Theme Theme,
    NeighbourhoodInfo Neighbourhood,
    InitiativeStatus Status,
    PlannedStep? CurrentStep,
    StepMark Mark,
    DateOnly? ExpectedCompletion,
    int SupportCount,
    DateTimeOffset SubmittedAt,
    Grains.Geo.GeoPoint? Location = null)
{
    /// <summary>The public page; workspaces link to their own page of the initiative instead.</summary>
    public string PublicLink => DutchAddresses.Initiative(Id);

    /// <summary>The NL Design System status badge variant for a status: active while open, success when completed, inactive when withdrawn.</summary>
    public static string StatusBadge(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Completed => "success",
        InitiativeStatus.Withdrawn => "inactive",
        _ => "active",
    };

    /// <summary>The status badge variant for a step's mark: safe on time, danger overdue, warning extended.</summary>
    public static string MarkBadge(StepMark mark) => mark switch
    {
        StepMark.Overdue => "danger",
        StepMark.Extended => "warning",
        _ => "safe",
    };

    public static StepMark MarkOf(InitiativeTimeline timeline) =>
        timeline.Ahead.FirstOrDefault(s => s.IsCurrent) is not { } current ? StepMark.Ended
        : timeline.CurrentStepOverdue ? StepMark.Overdue
        : current.Extended ? StepMark.Extended
        : StepMark.OnTime;
}

/// <summary>A card with the address it links to (its heading is an h3: cards are listed under a section's h2).</summary>
public sealed record InitiativeCardView(InitiativeCard Card, string Link);

/// <summary>
/// Builds initiative cards: the newest of some neighbourhoods from their index grains (one call
/// each), then each initiative's details, timeline and input (three calls each, all at once).
/// </summary>
public sealed class InitiativeCards(IGrainFactory grains, [FromKeyedServices(HubClock.Key)] TimeProvider time, Grains.Geo.MunicipalityMap map)
{
    /// <summary>The cards of these initiatives, in this order; an id without an initiative is left out.</summary>
    public async Task<IReadOnlyList<InitiativeCard>> For(IEnumerable<Guid> ids, IReadOnlyDictionary<string, NeighbourhoodInfo>? neighbourhoods = null)
    {
        neighbourhoods ??= (await NeighbourhoodDirectory.Get(grains).List()).ToDictionary(n => n.Code);
        var known = neighbourhoods;
        var cards = await Task.WhenAll(ids.Select(id => Card(id, known)));
        return cards.OfType<InitiativeCard>().ToList();
    }

    /// <summary>
    /// The newest initiatives of these neighbourhoods that match the filter (all when null), at
    /// most <paramref name="max"/>, and how many match in all. A page that has read the
    /// neighbourhoods already passes them, so the directory is not asked again.
    /// </summary>
    public async Task<(IReadOnlyList<InitiativeCard> Cards, int Total)> Newest(
        IReadOnlyDictionary<string, NeighbourhoodInfo> neighbourhoods, int max, InitiativeFilter? filter = null)
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var parts = await Task.WhenAll(neighbourhoods.Keys.Select(code =>
            grains.GetGrain<INeighbourhoodIndexGrain>(code).List(filter ?? new InitiativeFilter(), null, max, today)));
        var newest = parts.SelectMany(p => p.Items).Order().Take(max).Select(k => k.Id);
        return (await For(newest, neighbourhoods), parts.Sum(p => p.TotalCount));
    }

    /// <summary>
    /// The initiatives with a place within <paramref name="near"/>, nearest first, at most
    /// <paramref name="max"/>, and how many there are in all: from the indexes of the neighbourhoods
    /// the circle meets (all of them without boundaries).
    /// </summary>
    public async Task<(IReadOnlyList<InitiativeCard> Cards, int Total)> Nearest(
        IReadOnlyDictionary<string, NeighbourhoodInfo> neighbourhoods, Grains.Geo.NearFilter near, int max)
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var (nearest, total) = await NearLists.Nearest(grains, map, neighbourhoods.Keys, new InitiativeFilter(Near: near), null, max, today);
        return (await For(nearest.Select(k => k.Id), neighbourhoods), total);
    }

    /// <summary>The open initiatives (not completed or withdrawn) per neighbourhood, from the indexes' current figures.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenPerNeighbourhood(IEnumerable<string> codes)
    {
        var today = WorkingDays.DayOf(time.GetUtcNow());
        var month = OverviewFigures.MonthOf(today);
        var counted = await Task.WhenAll(codes.Select(async code =>
            (code, (await grains.GetGrain<INeighbourhoodIndexGrain>(code).GetFigures(month, month, today)).OpenSteps)));
        return counted.ToDictionary(c => c.code, c => c.OpenSteps);
    }

    private async Task<InitiativeCard?> Card(Guid id, IReadOnlyDictionary<string, NeighbourhoodInfo> neighbourhoods)
    {
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        var detailsCall = grain.GetDetails();
        var timelineCall = grain.GetTimeline();
        var inputCall = grain.GetInput();
        await Task.WhenAll(detailsCall, timelineCall, inputCall);
        if (detailsCall.Result is not { } details || timelineCall.Result is not { } timeline ||
            !neighbourhoods.TryGetValue(details.NeighbourhoodCode, out var neighbourhood))
        {
            return null;
        }

        return new InitiativeCard(
            details.Id, details.Title, details.Theme, neighbourhood, details.Status, timeline.Ahead.FirstOrDefault(s => s.IsCurrent),
            InitiativeCard.MarkOf(timeline), timeline.ExpectedCompletion, inputCall.Result?.SupportCount ?? 0, details.SubmittedAt, details.Location);
    }
}
