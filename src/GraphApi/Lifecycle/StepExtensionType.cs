using GraphQL.Types;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.GraphApi.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Lifecycle;

public sealed class StepExtensionType : ObjectGraphType<StepExtension>
{
    public StepExtensionType()
    {
        Name = "StepExtension";
        Description = "A step given more time than its norm (verlenging), with the reason.";
        Field<NonNullGraphType<StatusType>>("step").Description("The step that takes longer.").Resolve(c => c.Source.Step);
        Field(e => e.PreviousDate).Description("The day it was expected before.");
        Field(e => e.NewDate).Description("The day it is expected now.");
        Field(e => e.Reason).Description("Why, in plain Dutch.");
        Field(e => e.SetBy).Description("Who gave the extension.");
        Field(e => e.At).Description("When the extension was given.");
    }
}
