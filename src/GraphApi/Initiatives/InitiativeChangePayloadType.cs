using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.PlainLanguage;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiativeChangePayloadType : ObjectGraphType<InitiativeChangeResult>
{
    public InitiativeChangePayloadType()
    {
        Name = "InitiativeChangePayload";
        Description = "The initiative after the change, or the reasons nothing was changed.";
        Field<InitiativeType>("initiative").Description("The initiative after the change; null when there are errors.").Resolve(c => c.Source.Initiative);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("What to fix; empty when the change was stored.")
            .Resolve(c => c.Source.Errors);
        Field<PlainLanguageReportType>("plainLanguage")
            .Description("The plain-language report when a text was held back for its hints; null otherwise.")
            .Resolve(c => c.Source.PlainLanguage);
    }
}
