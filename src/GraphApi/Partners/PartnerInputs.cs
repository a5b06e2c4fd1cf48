using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class AddPartnerInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public PartnerKind Kind { get; set; }
    public string Role { get; set; } = string.Empty;
    public string? ContactUserId { get; set; }
    public string? Reason { get; set; }
}

public sealed class AddPartnerInputType : InputObjectGraphType<AddPartnerInput>
{
    public AddPartnerInputType()
    {
        Name = "AddPartnerInput";
        Description = "Adds an organisation that takes part.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The organisation's name.");
        Field<NonNullGraphType<PartnerKindType>>("kind").Description("What kind of organisation.");
        Field<NonNullGraphType<StringGraphType>>("role").Description("Its role in this initiative.");
        Field<StringGraphType>("contactUserId").Description("The user id of the organisation's named contact, who may then read the private file. Not public.");
        Field<StringGraphType>("reason").Description("Why; required after the decision.");
    }
}

public sealed class RemovePartnerInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Reason { get; set; }
}

public sealed class RemovePartnerInputType : InputObjectGraphType<RemovePartnerInput>
{
    public RemovePartnerInputType()
    {
        Name = "RemovePartnerInput";
        Description = "Removes a partner.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The organisation's name.");
        Field<StringGraphType>("reason").Description("Why; required after the decision.");
    }
}

public sealed class RecordAgreementInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Who { get; set; } = string.Empty;
    public string What { get; set; } = string.Empty;
    public DateOnly Due { get; set; }
}

public sealed class RecordAgreementInputType : InputObjectGraphType<RecordAgreementInput>
{
    public RecordAgreementInputType()
    {
        Name = "RecordAgreementInput";
        Description = "Records an agreement (afspraak): who promises what, by when.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("who").Description("Who promises it.");
        Field<NonNullGraphType<StringGraphType>>("what").Description("What they promise.");
        Field<NonNullGraphType<DateOnlyGraphType>>("due").Description("By when; not in the past.");
    }
}

public sealed class MarkAgreementInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public int Number { get; set; }
    public bool Kept { get; set; }
}

public sealed class MarkAgreementInputType : InputObjectGraphType<MarkAgreementInput>
{
    public MarkAgreementInputType()
    {
        Name = "MarkAgreementInput";
        Description = "Marks an agreement kept or missed; a missed one shows on the initiative.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<IntGraphType>>("number").Description("The agreement's number, from 1.");
        Field<NonNullGraphType<BooleanGraphType>>("kept").Description("True when kept, false when missed.");
    }
}
