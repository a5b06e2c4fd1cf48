using GraphQL.Types;

namespace Haarlem.Initiatives.GraphApi;

public sealed class HubSchema : Schema
{
    public HubSchema(IServiceProvider services, HubQuery query, HubMutation mutation)
        : base(services)
    {
        Description = "Haarlem Initiatives: residents' initiatives, their neighbourhoods and feeds.";
        Query = query;
        Mutation = mutation;
    }
}
