using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class TimelineType : ObjectGraphType<InitiativeTimeline>
{
    public TimelineType()
    {
        Name = "Timeline";
        Description = "The public, dated timeline: steps passed with dates, steps ahead with expected dates.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineStepType>>>>("passed").Description("The steps reached, oldest first.").Resolve(c => c.Source.Passed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedStepType>>>>("ahead").Description("The current step and the steps after it, with expected dates.").Resolve(c => c.Source.Ahead);
        Field(t => t.ExpectedCompletion, nullable: true).Description("When the initiative is expected to be completed if every step keeps its norm.");
        Field(t => t.CurrentStepOverdue).Description("True when the current step is past its expected date.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StepExtensionType>>>>("extensions").Description("Every extension given, oldest first.").Resolve(c => c.Source.Extensions);
    }
}
