using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Tests;

public sealed class SchemaTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private string Sdl()
    {
        var services = new ServiceCollection().AddSingleton(hub.Grains).AddHubGraphQL().BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = false }).ReplaceLineEndings("\n");
    }

    [Theory]
    [InlineData("neighbourhoods: [Neighbourhood!]!")]
    [InlineData("neighbourhood(code: String!): Neighbourhood")]
    [InlineData("initiative(id: ID!): Initiative")]
    [InlineData("submitInitiative(input: SubmitInitiativeInput!): SubmitInitiativePayload!")]
    [InlineData("feed(first: Int, after: String): FeedItemConnection!")]
    [InlineData("initiatives(filter: InitiativeFilter, first: Int, after: String): InitiativeConnection!")]
    [InlineData("overview(district: String, from: DateOnly, to: DateOnly): Overview!")]
    [InlineData("type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: String\n  endCursor: String\n}")]
    [InlineData("errors: [UserError!]!")]
    [InlineData("enum Theme {\n  GREEN\n  PLAY\n  SOCIAL\n  CULTURE\n  SPORT\n  SAFETY\n  SUSTAINABILITY\n  MOBILITY\n  OTHER\n}")]
    [InlineData("enum InitiativeStatus {\n  SUBMITTED\n  EXPLORING\n  WORKING_OUT\n  DECISION\n  REALISATION\n  COMPLETED\n  WITHDRAWN\n}")]
    [InlineData("input SubmitInitiativeInput {\n  title: String!\n  summary: String\n  neighbourhoodCode: String!\n  theme: Theme!\n  contactEmail: String\n  contactPhone: String\n  location: LocationInput\n}")]
    [InlineData("input NearInput {\n  latitude: Float!\n  longitude: Float!\n  radiusMetres: Int!\n}")]
    [InlineData("type Status {\n  code: InitiativeStatus!\n  label: String!\n}")]
    [InlineData("checkPlainLanguage(text: String!): PlainLanguageReport!")]
    public void The_schema_has_the_names_clients_rely_on(string definition) =>
        Sdl().Should().Contain(definition);
}
