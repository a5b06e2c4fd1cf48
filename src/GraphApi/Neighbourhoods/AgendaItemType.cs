using GraphQL.Types;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Neighbourhoods;

public sealed class AgendaItemType : ObjectGraphType<AgendaItem>
{
    public AgendaItemType()
    {
        Name = "AgendaItem";
        Description = "An initiative on the Bestuur op Maat agenda, and why it is there.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.").Resolve(c => c.Source.InitiativeId);
        Field(i => i.Title).Description("Its title.");
        Field(i => i.NeighbourhoodCode).Description("Its neighbourhood.");
        Field<NonNullGraphType<InitiativeStatusType>>("step").Description("The step that stays past its norm.").Resolve(c => c.Source.Step);
        Field(i => i.ExpectedEnd).Description("When the step should have ended.");
        Field(i => i.WorkingDaysOverdue).Description("How many working days past its norm.");
        Field(i => i.Reason).Description("Why it is on the agenda.");
        Field(i => i.AddedAt).Description("When it was put on the agenda.");
    }
}
