using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class UpdateInitiativeInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Plan { get; set; }
    public string? Conditions { get; set; }
    public string? Reason { get; set; }
}

public sealed class UpdateInitiativeInputType : InputObjectGraphType<UpdateInitiativeInput>
{
    public UpdateInitiativeInputType()
    {
        Name = "UpdateInitiativeInput";
        Description = "Changes the initiative's texts; a field left out stays as it is. Each change is logged with before and after.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<StringGraphType>("title").Description($"A new title: not empty, at most {InitiativeRules.TitleMaxLength} characters.");
        Field<StringGraphType>("summary").Description($"A new summary, at most {InitiativeRules.SummaryMaxLength} characters.");
        Field<StringGraphType>("plan").Description($"The worked-out plan, at most {InitiativeUpdate.PlanMaxLength} characters.");
        Field<StringGraphType>("conditions").Description($"The decision's conditions, at most {InitiativeUpdate.ConditionsMaxLength} characters.");
        Field<StringGraphType>("reason").Description("Why; required once the decision is taken.");
    }
}

public sealed class WithdrawInitiativeInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string? Explanation { get; set; }
    public bool PublishAnyway { get; set; }
}

public sealed class WithdrawInitiativeInputType : InputObjectGraphType<WithdrawInitiativeInput>
{
    public WithdrawInitiativeInputType()
    {
        Name = "WithdrawInitiativeInput";
        Description = "Stops the initiative (the initiator only), from any open step.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it stops; shown on the timeline.");
        Field<StringGraphType>("explanation").Description("A text for residents; by default 'De initiatiefnemer is met het initiatief gestopt.'");
        Field<BooleanGraphType>("publishAnyway").Description("Publish although the plain-language check left hints.");
    }
}

public sealed class EscalateInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
}

public sealed class EscalateInputType : InputObjectGraphType<EscalateInput>
{
    public EscalateInputType()
    {
        Name = "EscalateInput";
        Description = "Puts an open initiative on the Bestuur op Maat agenda by hand (the contact official or a coordinator).";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it needs the agenda; shown on the agenda and in the change log.");
    }
}

public sealed class FollowInput
{
    public string? InitiativeId { get; set; }
    public string? NeighbourhoodCode { get; set; }
}

public sealed class FollowInputType : InputObjectGraphType<FollowInput>
{
    public FollowInputType()
    {
        Name = "FollowInput";
        Description = "What to follow (or stop following): exactly one of an initiative or a neighbourhood.";
        Field<IdGraphType>("initiativeId").Description("An initiative.");
        Field<StringGraphType>("neighbourhoodCode").Description("A neighbourhood's code.");
    }
}
