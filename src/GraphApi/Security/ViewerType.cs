using GraphQL.Types;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.GraphApi.Security;

public sealed class HubRoleType : EnumerationGraphType<HubRole>
{
    public HubRoleType()
    {
        Name = "Role";
        Description = "RESIDENT, PARTNER, OFFICIAL, COORDINATOR, COUNCIL or ADMIN.";
    }
}

public sealed class ViewerType : ObjectGraphType<Actor>
{
    public ViewerType(IGrainFactory grains)
    {
        Name = "Viewer";
        Description = "The signed-in person.";
        Field(a => a.UserId).Description("Their user id.");
        Field(a => a.Name).Description("Their name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HubRoleType>>>>("roles").Description("Their roles.").Resolve(c => c.Source.Roles.Order().ToList());
        Field(a => a.NeighbourhoodCode, nullable: true).Description("Their neighbourhood, if known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("followedNeighbourhoods")
            .Description("The codes of the neighbourhoods they follow.")
            .ResolveAsync(async c => await grains.GetGrain<IPersonGrain>(c.Source.UserId).GetFollowedNeighbourhoods());
        Field<Geo.HomeAreaType>("home")
            .Description("The area around your home you follow (`setHome`); null when none.")
            .ResolveAsync(async c => await grains.GetGrain<IPersonGrain>(c.Source.UserId).GetHome());
    }
}
