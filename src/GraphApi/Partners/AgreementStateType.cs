using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class AgreementStateType : EnumerationGraphType<AgreementState>
{
    public AgreementStateType()
    {
        Name = "AgreementState";
        Description = "OPEN, KEPT or MISSED.";
    }
}
