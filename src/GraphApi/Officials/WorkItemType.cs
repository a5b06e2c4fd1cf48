using GraphQL.Types;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Officials;

public sealed class WorkItemType : ObjectGraphType<WorkItem>
{
    public WorkItemType()
    {
        Name = "WorkItem";
        Description = "An initiative in an official's work queue.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.").Resolve(c => c.Source.InitiativeId);
        Field(i => i.Title).Description("Its title.");
        Field<NonNullGraphType<InitiativeStatusType>>("step").Description("Its current step.").Resolve(c => c.Source.Step);
        Field(i => i.Due, nullable: true).Description("When the step is due.");
    }
}
