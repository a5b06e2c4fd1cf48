using GraphQL.Types;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Ratings;

public sealed class MilestoneType : EnumerationGraphType<Milestone>
{
    public MilestoneType()
    {
        Name = "Milestone";
        Description = "When the service is rated: AFTER_EXPLORING, AFTER_DECISION or AT_COMPLETION.";
    }
}

public sealed class RateServiceInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public Milestone Milestone { get; set; }
    public int Mark { get; set; }
    public int Fast { get; set; }
    public int Relevant { get; set; }
    public int Transparent { get; set; }
    public int Consistent { get; set; }
    public int Personal { get; set; }
    public int Involved { get; set; }
    public int Simple { get; set; }
    public string? Comment { get; set; }

    public KanoScores Kano => new(Fast, Relevant, Transparent, Consistent, Personal, Involved, Simple);
}

public sealed class RateServiceInputType : InputObjectGraphType<RateServiceInput>
{
    public RateServiceInputType()
    {
        Name = "RateServiceInput";
        Description = "A rating of the service at a milestone the initiative reached: by the initiator or a resident who gave input, once per milestone.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<MilestoneType>>("milestone").Description("The milestone.");
        Field<NonNullGraphType<IntGraphType>>("mark").Description("A mark from 1 to 10.");
        foreach (var (name, meaning) in new[]
                 {
                     ("fast", "fast"), ("relevant", "relevant to what you asked"), ("transparent", "clear about what happens"),
                     ("consistent", "doing what was said"), ("personal", "personal"), ("involved", "involving you"), ("simple", "simple"),
                 })
        {
            Field<NonNullGraphType<IntGraphType>>(name).Description($"How {meaning} the service was, from 1 to 5.");
        }

        Field<StringGraphType>("comment").Description("An optional comment.");
    }
}
