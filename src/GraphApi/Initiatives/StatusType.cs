using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

/// <summary>The current status of an initiative: its code and its plain-Dutch label.</summary>
public sealed class StatusType : ObjectGraphType<InitiativeStatus>
{
    public StatusType()
    {
        Name = "Status";
        Description = "Where an initiative stands.";
        Field<NonNullGraphType<InitiativeStatusType>>("code").Description("The step.").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The step's name for residents, in plain Dutch.").Resolve(c => c.Source.DutchLabel());
    }
}
