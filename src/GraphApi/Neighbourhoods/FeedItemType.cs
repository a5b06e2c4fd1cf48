using GraphQL.Types;
using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.GraphApi.Neighbourhoods;

public sealed class FeedItemType : ObjectGraphType<FeedItem>
{
    public FeedItemType()
    {
        Name = "FeedItem";
        Description = "Something that happened in a neighbourhood. Sequence numbers are 1, 2, 3, ... per neighbourhood, without gaps.";
        Field(i => i.Sequence).Description("The item's place in its neighbourhood's feed, starting at 1.");
        Field<NonNullGraphType<FeedItemKindType>>("kind").Description("What happened.").Resolve(c => c.Source.Kind);
        Field(i => i.Title).Description("The title of the initiative it is about.");
        Field(i => i.Text).Description("A plain-language sentence for residents.");
        Field(i => i.OccurredAt).Description("When it happened.");
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative it is about.").Resolve(c => c.Source.InitiativeId);
        Field(i => i.NeighbourhoodCode).Description("The neighbourhood whose feed this is.");
        Field(i => i.Link).Description("The path of the initiative's page.");
    }
}
