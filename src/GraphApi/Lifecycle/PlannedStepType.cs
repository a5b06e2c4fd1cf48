using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class PlannedStepType : ObjectGraphType<PlannedStep>
{
    public PlannedStepType()
    {
        Name = "PlannedStep";
        Description = "The current step or a step ahead, with the day it is expected to be done.";
        Field<NonNullGraphType<StatusType>>("status").Description("The step.").Resolve(c => c.Source.Status);
        Field(s => s.NormWorkingDays).Description("The service norm of the step, in working days (weekends and public holidays do not count).");
        Field(s => s.ExpectedEnd).Description("The day the step is expected to be done, by its norm.");
        Field("current", s => s.IsCurrent).Description("True for the step the initiative is in now.");
        Field(s => s.Extended).Description("True when the current step's date was moved by an extension.");
    }
}
