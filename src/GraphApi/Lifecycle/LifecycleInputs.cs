using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class ChangeStatusInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public InitiativeStatus Status { get; set; }
    public string Explanation { get; set; } = string.Empty;
    public DecisionOutcome? Outcome { get; set; }
    public string? Reason { get; set; }
    public bool PublishAnyway { get; set; }
}

public sealed class ChangeStatusInputType : InputObjectGraphType<ChangeStatusInput>
{
    public ChangeStatusInputType()
    {
        Name = "ChangeStatusInput";
        Description = "Moves an initiative to its next step, or withdraws it (the initiator only).";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<InitiativeStatusType>>("status").Description("The next step, or WITHDRAWN.");
        Field<NonNullGraphType<StringGraphType>>("explanation").Description($"What this means for residents and what comes next, in plain Dutch; at most {StatusTransitions.ExplanationMaxLength} characters.");
        Field<DecisionOutcomeType>("outcome").Description("The decision; required when the status is DECISION.");
        Field<StringGraphType>("reason").Description("Why; required to withdraw and for a decision that is not an approval.");
        Field<BooleanGraphType>("publishAnyway").Description("Publish although the plain-language check left hints.");
    }
}

public sealed class ExtendStepInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public DateOnly NewDate { get; set; }
    public string Reason { get; set; } = string.Empty;
    public bool PublishAnyway { get; set; }
}

public sealed class ExtendStepInputType : InputObjectGraphType<ExtendStepInput>
{
    public ExtendStepInputType()
    {
        Name = "ExtendStepInput";
        Description = "Gives the current step a later expected date (verlenging).";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<DateOnlyGraphType>>("newDate").Description("The new expected date: later than the current one.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, in plain Dutch; published in the feed.");
        Field<BooleanGraphType>("publishAnyway").Description("Publish although the plain-language check left hints.");
    }
}
