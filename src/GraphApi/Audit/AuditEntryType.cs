using GraphQL.Types;
using Haarlem.Initiatives.Grains.Audit;

namespace Haarlem.Initiatives.GraphApi.Audit;

public sealed class AuditOutcomeType : EnumerationGraphType<AuditOutcome>
{
    public AuditOutcomeType()
    {
        Name = "AuditOutcome";
        Description = "DONE (stored) or DENIED (the access rules refused it).";
    }
}

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One line of the append-only audit trail.";
        Field(e => e.At).Description("When.");
        Field(e => e.UserId).Description("Who: the user id, or 'anonymous'.");
        Field(e => e.UserName).Description("Their name at the time.");
        Field(e => e.Action).Description("The mutation, for example `changeStatus`.");
        Field<IdGraphType>("initiativeId").Description("The initiative, if any.").Resolve(c => c.Source.InitiativeId);
        Field<NonNullGraphType<AuditOutcomeType>>("outcome").Description("Done or denied.").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("onBehalfOf").Description("The resident a desk worker acted for (their user id); null when people acted for themselves.").Resolve(c => c.Source.OnBehalfOf);
        Field<NonNullGraphType<Overview.ContactChannelType>>("channel").Description("WEB when people acted themselves; COUNTER or PHONE when a desk worker acted for a resident.").Resolve(c => c.Source.Channel);
    }
}
