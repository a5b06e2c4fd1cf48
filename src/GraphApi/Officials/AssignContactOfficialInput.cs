using GraphQL.Types;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Officials;

public sealed class AssignContactOfficialInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string OfficialId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public string Team { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string? Reason { get; set; }
}

public sealed class AssignContactOfficialInputType : InputObjectGraphType<AssignContactOfficialInput>
{
    public AssignContactOfficialInputType()
    {
        Name = "AssignContactOfficialInput";
        Description = "Makes an official the initiative's one contact official (a handover when another had it).";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("officialId").Description("The official's user id: they sign in with it.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Their name, shown publicly.");
        Field<NonNullGraphType<StringGraphType>>("role").Description("Their role, for example 'wijkcoördinator'.");
        Field<NonNullGraphType<StringGraphType>>("team").Description("Their team.");
        Field<NonNullGraphType<StringGraphType>>("email").Description("Their work e-mail address, shown publicly.");
        Field<StringGraphType>("phone").Description("Their work phone number, if any.");
        Field<StringGraphType>("reason").Description("Why the contact official changes, for a handover.");
    }
}
