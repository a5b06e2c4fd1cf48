using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class ChangeLogEntryType : ObjectGraphType<ChangeLogEntry>
{
    public ChangeLogEntryType()
    {
        Name = "ChangeLogEntry";
        Description = "One recorded change to the initiative's file.";
        Field(e => e.What).Description("What changed.");
        Field(e => e.Before, nullable: true).Description("Before the change (null when something was added).");
        Field(e => e.After, nullable: true).Description("After the change (null when something was removed).");
        Field(e => e.By).Description("Who changed it.");
        Field(e => e.At).Description("When.");
        Field(e => e.Reason, nullable: true).Description("Why, where given.");
        Field(e => e.Via, nullable: true).Description("'via de balie' or 'via de telefoon' when a desk worker made the change for the person; null otherwise.");
    }
}
