using GraphQL.Types;
using Haarlem.Initiatives.Grains.Partners;

namespace Haarlem.Initiatives.GraphApi.Partners;

public sealed class AgreementType : ObjectGraphType<Agreement>
{
    public AgreementType()
    {
        Name = "Agreement";
        Description = "An agreement (afspraak): who promises what, by when, and whether it was kept.";
        Field(a => a.Number).Description("Its number within the initiative, from 1.");
        Field(a => a.Who).Description("Who promises.");
        Field(a => a.What).Description("What is promised.");
        Field(a => a.Due).Description("By when.");
        Field<NonNullGraphType<AgreementStateType>>("state").Description("Open, kept or missed.").Resolve(c => c.Source.State);
        Field(a => a.RecordedBy).Description("Who recorded it.");
        Field(a => a.RecordedAt).Description("When it was recorded.");
    }
}
