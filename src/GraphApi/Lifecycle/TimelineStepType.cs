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
        Field(s => s.SetBy).Description("Who set the step: the contact official's name, or 'Initiatiefnemer'.");
        Field<DecisionOutcomeType>("outcome").Description("The decision, on the step DECISION.").Resolve(c => c.Source.Outcome);
        Field(s => s.Reason, nullable: true).Description("Why: the conditions of a decision, why not, or why it was withdrawn.");
    }
}
