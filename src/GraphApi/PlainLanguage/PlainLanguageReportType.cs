using GraphQL.Types;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.GraphApi.PlainLanguage;

public sealed class PlainLanguageReportType : ObjectGraphType<PlainLanguageReport>
{
    public PlainLanguageReportType()
    {
        Name = "PlainLanguageReport";
        Description = "A check of a Dutch text for plain language at B1 level.";
        Field(r => r.Score).Description("From 0 to 100: 100 less 10 per long sentence and 5 per other hint.");
        Field("plain", r => r.IsPlain).Description("True when there are no hints.");
        Field(r => r.Sentences).Description("How many sentences the text has.");
        Field(r => r.Words).Description("How many words the text has.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlainLanguageHintType>>>>("hints")
            .Description("What to improve, in the order of the text.")
            .Resolve(c => c.Source.Hints);
    }
}
