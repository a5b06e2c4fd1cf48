using GraphQL.Types;
using Haarlem.Initiatives.Grains.Input;

namespace Haarlem.Initiatives.GraphApi.Input;

/// <summary>Input as the public sees it: without the resident's identity.</summary>
public sealed class ResidentInputType : ObjectGraphType<ResidentInput>
{
    public ResidentInputType()
    {
        Name = "ResidentInput";
        Description = "A resident's question, idea or concern, and its answer. The resident is not named.";
        Field(i => i.Number).Description("Its number within the initiative, from 1.");
        Field<NonNullGraphType<InputKindType>>("kind").Description("Question, idea or concern.").Resolve(c => c.Source.Kind);
        Field(i => i.Text).Description("What the resident wrote.");
        Field(i => i.GivenAt).Description("When.");
        Field(i => i.AnswerDue).Description("The day the answer is due (5 working days).");
        Field<NonNullGraphType<Overview.ContactChannelType>>("channel").Description("How the resident gave it: WEB themselves, COUNTER or PHONE (a desk worker for them).").Resolve(c => c.Source.Channel);
        Field<InputAnswerType>("answer").Description("The answer; null while it is not answered.").Resolve(c => c.Source.Answer);
    }
}
