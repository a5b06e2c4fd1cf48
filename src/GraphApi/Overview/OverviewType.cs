using GraphQL.Types;
using Haarlem.Initiatives.Grains.Index;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.GraphApi.Initiatives;
using Haarlem.Initiatives.GraphApi.Neighbourhoods;

namespace Haarlem.Initiatives.GraphApi.Overview;

public sealed class OverviewType : ObjectGraphType<CouncilFigures>
{
    private static readonly string[] KanoNames = ["fast", "relevant", "transparent", "consistent", "personal", "involved", "simple"];

    public OverviewType()
    {
        Name = "Overview";
        Description = "The council's figures. Counts cover initiatives submitted in the period; lead times the steps that ended in it; answers, ratings and texts those of the period. Open and overdue steps and workload are as of today.";
        Field<NonNullGraphType<DateOnlyGraphType>>("periodStart").Description("The first day counted: figures are kept per calendar month, so the period starts on the first of `from`'s month.").Resolve(c => c.Source.PeriodStart);
        Field<NonNullGraphType<DateOnlyGraphType>>("periodEnd").Description("The last day counted: the last day of `to`'s month.").Resolve(c => c.Source.PeriodEnd);
        Field<StringGraphType>("district").Description("The district the figures are for; null for the whole municipality.").Resolve(c => c.Source.District);
        Field<NonNullGraphType<IntGraphType>>("submitted").Description("Initiatives submitted in the period.").Resolve(c => c.Source.Figures.Submitted);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DistrictCountType>>>>("byDistrict")
            .Description("Initiatives submitted in the period per district.")
            .Resolve(c => c.Source.ByDistrict.Select(d => new KeyValuePair<string, int>(d.District, d.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeighbourhoodCountType>>>>("byNeighbourhood")
            .Description("Initiatives submitted in the period per neighbourhood, in the order of `neighbourhoods`.")
            .Resolve(c => c.Source.ByNeighbourhood.Select(n => new KeyValuePair<Grains.Neighbourhoods.NeighbourhoodInfo, int>(n.Neighbourhood, n.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeCountType>>>>("byTheme")
            .Description("Initiatives submitted in the period per theme (themes without any left out).")
            .Resolve(c => c.Source.Figures.ByTheme.OrderBy(t => t.Key).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountType>>>>("byStatus")
            .Description("Initiatives submitted in the period by their status now (statuses without any left out).")
            .Resolve(c => c.Source.Figures.ByStatus.OrderBy(t => t.Key).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StepLeadTimeType>>>>("leadTimes")
            .Description("Per step, the working days the steps that ended in the period took, against the step's norm.")
            .Resolve(c => c.Source.Figures.LeadTimes.OrderBy(l => l.Key)
                .Select(l => new StepLeadTimes(l.Key, l.Value, c.Source.Figures.StepsWithinNorm.GetValueOrDefault(l.Key))).ToList());
        Field<NonNullGraphType<IntGraphType>>("openSteps").Description("Initiatives with an open step today.").Resolve(c => c.Source.Figures.OpenSteps);
        Field<NonNullGraphType<IntGraphType>>("overdueSteps").Description("Of those, how many are past the step's expected date today.").Resolve(c => c.Source.Figures.OverdueSteps);
        Field<NonNullGraphType<IntGraphType>>("inputAnswered").Description("Questions, ideas and concerns answered in the period.").Resolve(c => c.Source.Figures.AnswerTimes.Values.Sum());
        Field<FloatGraphType>("inputAnsweredWithinNormShare")
            .Description("The share (0 to 1) of those answered within the answer norm; null when none were answered.")
            .Resolve(c => Share(c.Source.Figures.AnsweredWithinNorm, c.Source.Figures.AnswerTimes.Values.Sum()));
        Field<IntGraphType>("inputMedianAnswerWorkingDays")
            .Description("The median answer time in working days; null when none were answered.")
            .Resolve(c => OverviewFigures.Percentile(c.Source.Figures.AnswerTimes, 0.5));
        Field<NonNullGraphType<IntGraphType>>("ratings").Description("Service ratings given in the period.").Resolve(c => c.Source.Figures.Ratings);
        Field<FloatGraphType>("meanMark").Description("The mean mark (1 to 10) of those ratings; null when there are none.").Resolve(c => Mean(c.Source.Figures.MarkSum, c.Source.Figures.Ratings));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KanoMeanType>>>>("kano")
            .Description("The mean score (1 to 5) of each Kano dimension: fast, relevant, transparent, consistent (functional), personal, involved, simple (emotional).")
            .Resolve(c => KanoNames.Select((name, i) => new KeyValuePair<string, double?>(name, Mean(c.Source.Figures.KanoSums[i], c.Source.Figures.Ratings))).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfficialWorkloadType>>>>("workload")
            .Description("Each contact official's open initiatives today, most first.")
            .Resolve(c => c.Source.Figures.Workload.Values.OrderByDescending(w => w.OpenInitiatives).ThenBy(w => w.Name, StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelShareType>>>>("byChannel")
            .Description("Initiatives submitted in the period by how they reached the municipality: WEB (themselves), COUNTER or PHONE (a desk worker for them). Every channel, with its share.")
            .Resolve(c => ChannelShare.Of(c.Source.Figures.ByChannel));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelShareType>>>>("inputByChannel")
            .Description("Input and support given in the period, by channel. Every channel, with its share.")
            .Resolve(c => ChannelShare.Of(c.Source.Figures.InputByChannel));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeShareType>>>>("noticesByChannel")
            .Description("Notices sent to people in the period, by how they reached them: SITE, EMAIL, LETTER or PHONE. For the whole municipality, whatever the district. Every channel, with its share.")
            .Resolve(c => NoticeShare.Of(c.Source.NoticesByRoute));
        Field<NonNullGraphType<IntGraphType>>("textsPublished").Description("Texts for residents published in the period (status texts, extension reasons, answers).").Resolve(c => c.Source.Figures.Texts);
        Field<FloatGraphType>("textsPlainShare")
            .Description("The share (0 to 1) of those published without plain-language hints left (B1); null when none were published.")
            .Resolve(c => Share(c.Source.Figures.Texts - c.Source.Figures.TextsWithHints, c.Source.Figures.Texts));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Mean(long sum, int count) => count == 0 ? null : Math.Round((double)sum / count, 2);
}

/// <summary>The lead times of one step.</summary>
public sealed record StepLeadTimes(InitiativeStatus Step, IReadOnlyDictionary<int, int> Histogram, int WithinNorm);

public sealed class StepLeadTimeType : ObjectGraphType<StepLeadTimes>
{
    public StepLeadTimeType()
    {
        Name = "StepLeadTime";
        Description = "How long one step took, over the steps that ended in the period, in working days.";
        Field<NonNullGraphType<InitiativeStatusType>>("step").Description("The step.").Resolve(c => c.Source.Step);
        Field<IntGraphType>("normWorkingDays").Description("The step's standard norm (themes may have their own).").Resolve(c => ServiceNorms.Defaults.TryGetValue(c.Source.Step, out var norm) ? norm : null);
        Field<NonNullGraphType<IntGraphType>>("ended").Description("How many of these steps ended in the period.").Resolve(c => c.Source.Histogram.Values.Sum());
        Field<NonNullGraphType<IntGraphType>>("withinNorm").Description("How many of them ended within their norm.").Resolve(c => c.Source.WithinNorm);
        Field<NonNullGraphType<IntGraphType>>("median").Description("The median working days.").Resolve(c => OverviewFigures.Percentile(c.Source.Histogram, 0.5));
        Field<NonNullGraphType<IntGraphType>>("percentile90").Description("The 90th percentile in working days: nine in ten took this long or shorter.").Resolve(c => OverviewFigures.Percentile(c.Source.Histogram, 0.9));
    }
}

public sealed class DistrictCountType : ObjectGraphType<KeyValuePair<string, int>>
{
    public DistrictCountType()
    {
        Name = "DistrictCount";
        Description = "A number of initiatives in one district.";
        Field<NonNullGraphType<StringGraphType>>("district").Description("The district.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Value);
    }
}

public sealed class NeighbourhoodCountType : ObjectGraphType<KeyValuePair<Grains.Neighbourhoods.NeighbourhoodInfo, int>>
{
    public NeighbourhoodCountType()
    {
        Name = "NeighbourhoodCount";
        Description = "A number of initiatives in one neighbourhood.";
        Field<NonNullGraphType<NeighbourhoodType>>("neighbourhood").Description("The neighbourhood.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Value);
    }
}

public sealed class ThemeCountType : ObjectGraphType<KeyValuePair<Theme, int>>
{
    public ThemeCountType()
    {
        Name = "ThemeCount";
        Description = "A number of initiatives with one theme.";
        Field<NonNullGraphType<ThemeType>>("theme").Description("The theme.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Value);
    }
}

public sealed class StatusCountType : ObjectGraphType<KeyValuePair<InitiativeStatus, int>>
{
    public StatusCountType()
    {
        Name = "StatusCount";
        Description = "A number of initiatives with one status.";
        Field<NonNullGraphType<InitiativeStatusType>>("status").Description("The status.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Value);
    }
}

public sealed class KanoMeanType : ObjectGraphType<KeyValuePair<string, double?>>
{
    public KanoMeanType()
    {
        Name = "KanoMean";
        Description = "The mean score of one Kano dimension.";
        Field<NonNullGraphType<StringGraphType>>("dimension").Description("fast, relevant, transparent, consistent, personal, involved or simple.").Resolve(c => c.Source.Key);
        Field<FloatGraphType>("mean").Description("The mean score (1 to 5); null when there are no ratings.").Resolve(c => c.Source.Value);
    }
}

public sealed class OfficialWorkloadType : ObjectGraphType<OfficialLoad>
{
    public OfficialWorkloadType()
    {
        Name = "OfficialWorkload";
        Description = "One contact official's open initiatives today.";
        Field(w => w.OfficialId).Description("The official's user id.");
        Field(w => w.Name).Description("The official's name.");
        Field(w => w.OpenInitiatives).Description("Open initiatives they are the contact official for.");
        Field(w => w.Overdue).Description("Of those, how many are past the current step's expected date.");
    }
}
