using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Index;

/// <summary>One official's current workload: the open initiatives they are the contact for, and how many of those are past their step's day.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.official-load")]
public sealed record OfficialLoad(
    [property: Id(0)] string OfficialId,
    [property: Id(1)] string Name,
    [property: Id(2)] int OpenInitiatives,
    [property: Id(3)] int Overdue);

/// <summary>
/// The council's figures, additive: the figures of two neighbourhoods or two months are their
/// sum (<see cref="Add"/>), so an overview is the sum of a few pre-aggregated parts. Lead and
/// answer times are kept as histograms (working days to count), so medians and percentiles of a
/// sum are exact.
/// </summary>
[GenerateSerializer, Alias("haarlem.overview-figures")]
public sealed class OverviewFigures
{
    /// <summary>The number of Kano dimensions in <see cref="KanoSums"/> (the order of <see cref="Ratings.KanoScores.All"/>).</summary>
    public const int KanoDimensions = 7;

    /// <summary>A month as one number: year × 12 + month − 1.</summary>
    public static int MonthOf(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public static DateOnly FirstDayOf(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>Initiatives submitted in the period.</summary>
    [Id(0)] public int Submitted { get; set; }

    /// <summary>Initiatives submitted in the period, by their status now.</summary>
    [Id(1)] public Dictionary<InitiativeStatus, int> ByStatus { get; set; } = [];

    [Id(2)] public Dictionary<Theme, int> ByTheme { get; set; } = [];

    [Id(3)] public Dictionary<string, int> ByNeighbourhood { get; set; } = [];

    /// <summary>Steps that ended in the period: per step, working days taken to how many steps.</summary>
    [Id(4)] public Dictionary<InitiativeStatus, Dictionary<int, int>> LeadTimes { get; set; } = [];

    /// <summary>Of those, how many ended within their norm.</summary>
    [Id(5)] public Dictionary<InitiativeStatus, int> StepsWithinNorm { get; set; } = [];

    /// <summary>Input answered in the period: working days taken to how many answers.</summary>
    [Id(6)] public Dictionary<int, int> AnswerTimes { get; set; } = [];

    [Id(7)] public int AnsweredWithinNorm { get; set; }

    /// <summary>Ratings given in the period, the sum of their marks and of each Kano dimension.</summary>
    [Id(8)] public int Ratings { get; set; }

    [Id(9)] public long MarkSum { get; set; }

    [Id(10)] public long[] KanoSums { get; set; } = new long[KanoDimensions];

    /// <summary>Texts for residents published in the period, and how many still had plain-language hints.</summary>
    [Id(11)] public int Texts { get; set; }

    [Id(12)] public int TextsWithHints { get; set; }

    /// <summary>Now (not the period): open steps, how many are past their day, and each official's workload.</summary>
    [Id(13)] public int OpenSteps { get; set; }

    [Id(14)] public int OverdueSteps { get; set; }

    [Id(15)] public Dictionary<string, OfficialLoad> Workload { get; set; } = [];

    /// <summary>Initiatives submitted in the period, by how they reached the municipality (web, counter, phone).</summary>
    [Id(16)] public Dictionary<Desk.ContactChannel, int> ByChannel { get; set; } = [];

    /// <summary>Input and support given in the period, by channel.</summary>
    [Id(17)] public Dictionary<Desk.ContactChannel, int> InputByChannel { get; set; } = [];

    /// <summary>Adds another part's figures to these.</summary>
    public void Add(OverviewFigures other)
    {
        Submitted += other.Submitted;
        AddAll(ByChannel, other.ByChannel);
        AddAll(InputByChannel, other.InputByChannel);
        AddAll(ByStatus, other.ByStatus);
        AddAll(ByTheme, other.ByTheme);
        AddAll(ByNeighbourhood, other.ByNeighbourhood);
        foreach (var (step, histogram) in other.LeadTimes)
        {
            AddAll(Histogram(LeadTimes, step), histogram);
        }

        AddAll(StepsWithinNorm, other.StepsWithinNorm);
        AddAll(AnswerTimes, other.AnswerTimes);
        AnsweredWithinNorm += other.AnsweredWithinNorm;
        Ratings += other.Ratings;
        MarkSum += other.MarkSum;
        for (var i = 0; i < KanoDimensions; i++)
        {
            KanoSums[i] += other.KanoSums[i];
        }

        Texts += other.Texts;
        TextsWithHints += other.TextsWithHints;
        OpenSteps += other.OpenSteps;
        OverdueSteps += other.OverdueSteps;
        foreach (var (id, load) in other.Workload)
        {
            Workload[id] = Workload.TryGetValue(id, out var mine)
                ? mine with { OpenInitiatives = mine.OpenInitiatives + load.OpenInitiatives, Overdue = mine.Overdue + load.Overdue }
                : load;
        }
    }

    /// <summary>Counts (sign +1) or uncounts (sign −1) what an initiative adds to the period figures of the month <paramref name="month"/>.</summary>
    internal void ApplyPeriod(InitiativeSummary summary, int month, int sign)
    {
        if (MonthOf(WorkingDays.DayOf(summary.SubmittedAt)) == month)
        {
            Submitted += sign;
            Bump(ByChannel, summary.Channel, sign);
            Bump(ByStatus, summary.Status, sign);
            Bump(ByTheme, summary.Theme, sign);
            Bump(ByNeighbourhood, summary.NeighbourhoodCode, sign);
        }

        foreach (var step in summary.Steps.Where(s => MonthOf(s.EndedOn) == month))
        {
            var histogram = Histogram(LeadTimes, step.Step);
            Bump(histogram, step.WorkingDays, sign);
            if (histogram.Count == 0)
            {
                LeadTimes.Remove(step.Step);
            }

            if (step.NormDays is null || step.WorkingDays <= step.NormDays)
            {
                Bump(StepsWithinNorm, step.Step, sign);
            }
        }

        foreach (var input in (summary.Inputs ?? []).Where(i => MonthOf(i.On) == month))
        {
            Bump(InputByChannel, input.Channel, sign);
        }

        foreach (var answer in summary.Answers.Where(a => MonthOf(a.AnsweredOn) == month))
        {
            Bump(AnswerTimes, answer.WorkingDays, sign);
            AnsweredWithinNorm += answer.WithinNorm ? sign : 0;
        }

        foreach (var rating in summary.Ratings.Where(r => MonthOf(r.On) == month))
        {
            Ratings += sign;
            MarkSum += sign * rating.Mark;
            var i = 0;
            foreach (var (_, score) in rating.Kano.All())
            {
                KanoSums[i++] += sign * score;
            }
        }

        foreach (var text in summary.Texts.Where(t => MonthOf(t.On) == month))
        {
            Texts += sign;
            TextsWithHints += text.WithHints ? sign : 0;
        }
    }

    /// <summary>The months an initiative adds figures to.</summary>
    internal static IEnumerable<int> MonthsOf(InitiativeSummary summary) =>
        new[] { MonthOf(WorkingDays.DayOf(summary.SubmittedAt)) }
            .Concat(summary.Steps.Select(s => MonthOf(s.EndedOn)))
            .Concat(summary.Answers.Select(a => MonthOf(a.AnsweredOn)))
            .Concat(summary.Ratings.Select(r => MonthOf(r.On)))
            .Concat(summary.Texts.Select(t => MonthOf(t.On)))
            .Concat((summary.Inputs ?? []).Select(i => MonthOf(i.On)))
            .Distinct();

    /// <summary>The value at the given share (0.5: the median) of a histogram, by nearest rank; null when it is empty.</summary>
    public static int? Percentile(IReadOnlyDictionary<int, int> histogram, double share)
    {
        var total = histogram.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (int)Math.Ceiling(share * total));
        var seen = 0;
        foreach (var (value, count) in histogram.OrderBy(h => h.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return histogram.Keys.Max();
    }

    private static Dictionary<int, int> Histogram(Dictionary<InitiativeStatus, Dictionary<int, int>> histograms, InitiativeStatus step)
    {
        if (!histograms.TryGetValue(step, out var histogram))
        {
            histograms[step] = histogram = [];
        }

        return histogram;
    }

    private static void AddAll<TKey>(Dictionary<TKey, int> to, Dictionary<TKey, int> from)
        where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            Bump(to, key, count);
        }
    }

    internal static void Bump<TKey>(Dictionary<TKey, int> counts, TKey key, int by)
        where TKey : notnull
    {
        var count = counts.GetValueOrDefault(key) + by;
        if (count == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }
    }
}
