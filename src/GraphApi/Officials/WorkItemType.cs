using GraphQL.Types;
using Haarlem.Initiatives.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Officials;

public sealed class WorkItemType : ObjectGraphType<WorkItem>
{
    public WorkItemType([FromKeyedServices(HubClock.Key)] TimeProvider time)
    {
        Name = "WorkItem";
        Description = "An initiative in an official's work queue.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.").Resolve(c => c.Source.InitiativeId);
        Field(i => i.Title).Description("Its title.");
        Field<NonNullGraphType<InitiativeStatusType>>("step").Description("Its current step.").Resolve(c => c.Source.Step);
        Field(i => i.Due, nullable: true).Description("When it is due: the step's expected day, or the answer's due day.");
        Field(i => i.InputNumber, nullable: true).Description("For input waiting for an answer: its number; null for the initiative's step.");
        Field<NonNullGraphType<BooleanGraphType>>("overdue")
            .Description("True when its due day has passed.")
            .Resolve(c => c.Source.IsOverdue(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
    }
}
