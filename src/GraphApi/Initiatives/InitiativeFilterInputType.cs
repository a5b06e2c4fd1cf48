using GraphQL.Types;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiativeFilterInputType : InputObjectGraphType
{
    public InitiativeFilterInputType()
    {
        Name = "InitiativeFilter";
        Description = "Which initiatives to list; every field left out matches all.";
        Field<StringGraphType>("neighbourhood").Description("Only this neighbourhood (its code).");
        Field<StringGraphType>("district").Description("Only the neighbourhoods of this district (stadsdeel), as in `Neighbourhood.district`.");
        Field<ThemeType>("theme").Description("Only this theme.");
        Field<InitiativeStatusType>("status").Description("Only initiatives with this status now.");
        Field<BooleanGraphType>("hasContactOfficial").Description("false: only those still waiting for a contact official (the coordinators' list); true: only those that have one.");
        Field<Geo.NearInputType>("near").Description("Only those with a place within this circle, and then nearest first (instead of newest first).");
        Field<BooleanGraphType>("overdue").Description("true: only those whose current step is past its expected date; false: only those that are not.");
    }
}
