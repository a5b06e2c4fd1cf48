using GraphQL.Types;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.GraphApi.PlainLanguage;

public sealed class PlainLanguageHintKindType : EnumerationGraphType<PlainLanguageHintKind>
{
    public PlainLanguageHintKindType()
    {
        Name = "PlainLanguageHintKind";
        Description = "What a hint is about: LONG_SENTENCE (over 20 words), LONG_WORD (over 15 letters), OFFICIALESE (an ambtelijk word), PASSIVE (does not say who does it).";
    }
}
