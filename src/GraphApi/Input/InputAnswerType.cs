using GraphQL.Types;
using Haarlem.Initiatives.Grains.Input;

namespace Haarlem.Initiatives.GraphApi.Input;

public sealed class InputAnswerType : ObjectGraphType<InputAnswer>
{
    public InputAnswerType()
    {
        Name = "InputAnswer";
        Description = "The answer to input: what was done with it (\"you said, we did\").";
        Field(a => a.Text).Description("The answer, in plain Dutch.");
        Field<NonNullGraphType<InputOutcomeType>>("outcome").Description("What was done with the input.").Resolve(c => c.Source.Outcome);
        Field(a => a.Reason, nullable: true).Description("Why it was not (fully) adopted.");
        Field(a => a.AnsweredBy).Description("Who answered.");
        Field(a => a.AnsweredAt).Description("When.");
        Field(a => a.WorkingDaysTaken).Description("How many working days the answer took.");
    }
}
