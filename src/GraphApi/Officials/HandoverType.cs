using GraphQL.Types;
using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.GraphApi.Officials;

public sealed class HandoverType : ObjectGraphType<Handover>
{
    public HandoverType()
    {
        Name = "Handover";
        Description = "A change of contact official (the first assignment has no 'from').";
        Field(h => h.FromName, nullable: true).Description("The official before.");
        Field(h => h.ToName).Description("The official after.");
        Field(h => h.Reason, nullable: true).Description("Why, where given.");
        Field(h => h.SetBy).Description("Who made the change.");
        Field(h => h.At).Description("When.");
    }
}
