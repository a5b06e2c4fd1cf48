using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiatorType : ObjectGraphType<Initiator>
{
    public InitiatorType()
    {
        Name = "Initiator";
        Description = "The resident who started the initiative, with their contact details. Private: see `Initiative.initiator`.";
        Field(i => i.Name).Description("Their name.");
        Field(i => i.Email, nullable: true).Description("Their e-mail address, if given.");
        Field(i => i.Phone, nullable: true).Description("Their phone number, if given.");
        Field<NonNullGraphType<Overview.ContactChannelType>>("channel").Description("How the initiative reached the municipality: WEB (themselves), COUNTER or PHONE (a desk worker for them, with their consent).").Resolve(c => c.Source.Channel);
        Field<StringGraphType>("assistedBy").Description("The desk worker who submitted it for them; null when they did it themselves.").Resolve(c => c.Source.AssistedBy?.Name);
    }
}
