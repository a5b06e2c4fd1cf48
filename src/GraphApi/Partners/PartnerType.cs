using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class PartnerType : ObjectGraphType<Partner>
{
    public PartnerType()
    {
        Name = "Partner";
        Description = "An organisation that takes part in the initiative.";
        Field(p => p.Name).Description("The organisation's name.");
        Field<NonNullGraphType<PartnerKindType>>("kind").Description("What kind of organisation it is.").Resolve(c => c.Source.Kind);
        Field(p => p.Role).Description("Its role in this initiative.");
    }
}
