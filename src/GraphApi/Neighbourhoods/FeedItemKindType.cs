using GraphQL.Types;
using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.GraphApi.Neighbourhoods;

public sealed class FeedItemKindType : EnumerationGraphType<FeedItemKind>
{
    public FeedItemKindType()
    {
        Name = "FeedItemKind";
        Description = "What a feed item tells about.";
    }
}
