using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class SubmitInitiativeInputType : InputObjectGraphType<SubmitInitiative>
{
    public SubmitInitiativeInputType()
    {
        Name = "SubmitInitiativeInput";
        Description = "A new initiative.";
        Field(i => i.Title).Description($"A short name: not empty, at most {InitiativeRules.TitleMaxLength} characters.");
        Field(i => i.Summary, nullable: true).Description($"What it is and why, at most {InitiativeRules.SummaryMaxLength} characters.");
        Field(i => i.NeighbourhoodCode).Description("The code of a known neighbourhood (see `neighbourhoods`).");
        Field<NonNullGraphType<ThemeType>>("theme").Description("What it is about.");
        Field(i => i.ContactEmail, nullable: true).Description("How the contact official can reach you: private, never shown publicly.");
        Field(i => i.ContactPhone, nullable: true).Description("Your phone number: private, never shown publicly.");
        Field<Geo.LocationInputType>("location").Description("Where it takes place (optional), within the municipality.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new SubmitInitiative(
            value.TryGetValue("title", out var title) ? title as string ?? string.Empty : string.Empty,
            value.TryGetValue("summary", out var summary) ? summary as string ?? string.Empty : string.Empty,
            value.TryGetValue("neighbourhoodCode", out var code) ? code as string ?? string.Empty : string.Empty,
            value.TryGetValue("theme", out var theme) && theme is Theme known ? known : (Theme)(-1),
            value.TryGetValue("contactEmail", out var email) ? email as string : null,
            value.TryGetValue("contactPhone", out var phone) ? phone as string : null,
            value.TryGetValue("location", out var location) ? location as Grains.Geo.GeoPoint : null);
}
