using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class TimelineStepType : ObjectGraphType<TimelineStep>
{
    public TimelineStepType()
    {
        Name = "TimelineStep";
        Description = "A step the initiative has reached.";
        Field<NonNullGraphType<StatusType>>("status").Description("The step.").Resolve(c => c.Source.Status);
        Field(s => s.ReachedAt).Description("When the step was reached.");
        Field(s => s.Explanation).Description("What residents were told, in plain Dutch (statustekst).");
    }
}
