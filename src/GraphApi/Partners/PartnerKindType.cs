using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class PartnerKindType : EnumerationGraphType<PartnerKind>
{
    public PartnerKindType()
    {
        Name = "PartnerKind";
        Description = "The kind of organisation a partner is.";
    }
}
