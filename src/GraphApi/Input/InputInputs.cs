using GraphQL.Types;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Input;

public sealed class GiveInputInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public InputKind Kind { get; set; }
    public string? Text { get; set; }
}

public sealed class GiveInputInputType : InputObjectGraphType<GiveInputInput>
{
    public GiveInputInputType()
    {
        Name = "GiveInputInput";
        Description = "Support (counted once per resident), or a question, idea or concern that will be answered within 5 working days.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<InputKindType>>("kind").Description("SUPPORT, QUESTION, IDEA or CONCERN.");
        Field<StringGraphType>("text").Description($"The text; required except for support, at most {InputRules.TextMaxLength} characters.");
    }
}

public sealed class AnswerInputInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public int Number { get; set; }
    public string Text { get; set; } = string.Empty;
    public InputOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public bool PublishAnyway { get; set; }
}

public sealed class AnswerInputInputType : InputObjectGraphType<AnswerInputInput>
{
    public AnswerInputInputType()
    {
        Name = "AnswerInputInput";
        Description = "Answers a question, idea or concern with what was done with it (\"you said, we did\").";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<IntGraphType>>("number").Description("The input's number, from 1.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The answer, in plain Dutch.");
        Field<NonNullGraphType<InputOutcomeType>>("outcome").Description("ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED.");
        Field<StringGraphType>("reason").Description("Why; required when not (fully) adopted.");
        Field<BooleanGraphType>("publishAnyway").Description("Publish although the plain-language check left hints.");
    }
}
