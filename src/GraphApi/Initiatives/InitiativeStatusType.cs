using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiativeStatusType : EnumerationGraphType<InitiativeStatus>
{
    public InitiativeStatusType()
    {
        Name = "InitiativeStatus";
        Description = "The steps of an initiative in order (ZGW status types): SUBMITTED, EXPLORING, WORKING_OUT, DECISION, REALISATION, COMPLETED; or WITHDRAWN.";
    }
}
