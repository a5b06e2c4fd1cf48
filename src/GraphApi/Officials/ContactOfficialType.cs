using GraphQL.Types;
using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.GraphApi.Officials;

public sealed class ContactOfficialType : ObjectGraphType<ContactOfficial>
{
    public ContactOfficialType()
    {
        Name = "ContactOfficial";
        Description = "The one named official who knows the initiative's file, and how to reach them.";
        Field(o => o.Name).Description("Their name.");
        Field(o => o.Role).Description("Their role, for example gebiedsverbinder.");
        Field(o => o.Team).Description("Their team.");
        Field(o => o.Email).Description("Their work email address.");
        Field(o => o.Phone, nullable: true).Description("Their work phone number, where given.");
    }
}
