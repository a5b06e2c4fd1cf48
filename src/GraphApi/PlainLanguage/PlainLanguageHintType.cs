using GraphQL.Types;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.GraphApi.PlainLanguage;

public sealed class PlainLanguageHintType : ObjectGraphType<PlainLanguageHint>
{
    public PlainLanguageHintType()
    {
        Name = "PlainLanguageHint";
        Description = "One hint for the writer, in plain Dutch.";
        Field<NonNullGraphType<PlainLanguageHintKindType>>("kind").Description("What the hint is about.").Resolve(c => c.Source.Kind);
        Field(h => h.Message).Description("The hint, in Dutch.");
        Field(h => h.Excerpt).Description("The part of the text it is about.");
        Field(h => h.Suggestion, nullable: true).Description("A plainer alternative, where there is one.");
    }
}
