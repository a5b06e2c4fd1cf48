using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Haarlem.Initiatives.GraphApi.Http;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Tests;

/// <summary>
/// The shortcut for cached documents gives exactly what GraphQL.NET's own validator gives for the
/// same document, variables and (no) rules: the coerced variables, every field's arguments with
/// their values and sources, and the same errors; on the first request of a document and on the
/// ones after it, which reuse what the first one found.
/// </summary>
public sealed class CachedDocumentValidatorTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private const string Id = "6f1c2a9e-3b7d-4c1e-9a55-0d2e8b7f4c31";

    private ISchema Schema()
    {
        var services = new ServiceCollection().AddSingleton(hub.Grains).AddHubGraphQL().BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private static Inputs Variables(string json) => new GraphQL.SystemTextJson.GraphQLSerializer().Deserialize<Inputs>(json) ?? Inputs.Empty;

    private static ValidationOptions Options(ISchema schema, GraphQLDocument document, Inputs variables) => new()
    {
        Schema = schema,
        Document = document,
        Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
        Rules = new List<IValidationRule>(),
        Variables = variables,
        Extensions = Inputs.Empty,
        UserContext = new Dictionary<string, object?>(),
    };

    /// <summary>What a validation result says, in plain values that compare by content.</summary>
    private static object Described(IValidationResult result) => new
    {
        result.IsValid,
        Errors = result.Errors.Select(e => $"{e.Code}: {e.Message}").ToList(),
        Variables = result.Variables?.Select(v => new { v.Name, Value = Plain(v.Value), v.IsDefault, v.ValueSpecified }).ToList(),
        Arguments = result.ArgumentValues?
            .OrderBy(a => a.Key.Location.Start)
            .Select(a => new
            {
                Field = a.Key.Name.StringValue,
                At = a.Key.Location.Start,
                Values = a.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new { v.Key, Value = Plain(v.Value.Value), v.Value.Source }).ToList(),
            })
            .ToList(),
        Directives = result.DirectiveValues?.Count ?? 0,
    };

    private static object? Plain(object? value) => value switch
    {
        IDictionary<string, object?> map => map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Plain(e.Value)}").ToList(),
        System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(Plain).ToList(),
        null => "<null>",
        _ => $"{value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
    };

    [Theory]
    [InlineData("query($id: ID!) { initiative(id: $id) { id title status { code label } neighbourhood { name district } contactOfficial { name email } } }", "{\"id\":\"" + Id + "\"}")]
    [InlineData("query($code: String!, $after: String) { neighbourhood(code: $code) { feed(first: 100, after: $after) { items { sequence } pageInfo { hasNextPage endCursor } } } }", "{\"code\":\"vijfhoek\"}")]
    [InlineData("mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } errors { code } } }", "{\"input\":{\"title\":\"Bankje\",\"neighbourhoodCode\":\"vijfhoek\",\"theme\":\"GREEN\"}}")]
    [InlineData("query($n: Int = 5) { initiatives(first: $n) { totalCount } }", "{}")]
    [InlineData("query($n: Int) { initiatives(first: $n) { totalCount } }", "{\"n\":null}")]
    [InlineData("query($n: Int) { initiatives(first: $n) { totalCount } }", "{}")]
    [InlineData("query($theme: Theme, $lat: Float!) { ...q } fragment q on Query { initiatives(first: 3, filter: { theme: $theme, near: { latitude: $lat, longitude: 4.63, radiusMetres: 500 } }) { items { ... on Initiative { title } } } }", "{\"theme\":\"PLAY\",\"lat\":52.38}")]
    [InlineData("query($from: DateOnly) { overview(from: $from, district: \"Centrum\") { submitted } }", "{\"from\":\"2026-01-15\"}")]
    public async Task The_shortcut_gives_what_GraphQL_NETs_validator_gives_on_the_first_request_and_after_it(string query, string variables)
    {
        var schema = Schema();
        var document = Parser.Parse(query);
        var shortcut = new CachedDocumentValidator();
        var graphQLNet = await new DocumentValidator().ValidateAsync(Options(schema, document, Variables(variables)));
        var expected = Described(graphQLNet);

        var first = Described(await shortcut.ValidateAsync(Options(schema, document, Variables(variables))));
        var second = Described(await shortcut.ValidateAsync(Options(schema, document, Variables(variables))));

        graphQLNet.IsValid.Should().BeTrue();
        first.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        second.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("query($id: ID!) { initiative(id: $id) { id } }", "{}")]
    [InlineData("query($n: Int) { initiatives(first: $n) { totalCount } }", "{\"n\":\"vijf\"}")]
    [InlineData("mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { errors { code } } }", "{\"input\":{\"title\":\"Bankje\",\"theme\":\"GROEN\"}}")]
    [InlineData("query($id: ID!, $skip: Boolean!) { initiative(id: $id) { id title @skip(if: $skip) } }", "{\"id\":\"" + Id + "\",\"skip\":true}")]
    public async Task Bad_variables_and_documents_with_directives_get_GraphQL_NETs_own_answer(string query, string variables)
    {
        var schema = Schema();
        var document = Parser.Parse(query);
        var shortcut = new CachedDocumentValidator();
        var expected = Described(await new DocumentValidator().ValidateAsync(Options(schema, document, Variables(variables))));

        var first = Described(await shortcut.ValidateAsync(Options(schema, document, Variables(variables))));
        var second = Described(await shortcut.ValidateAsync(Options(schema, document, Variables(variables))));

        first.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        second.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task The_plan_lists_every_field_that_takes_arguments_in_fragments_too_and_none_for_a_document_with_a_directive()
    {
        var schema = Schema();
        var document = Parser.Parse("query { initiative(id: \"" + Id + "\") { title } ...q } fragment q on Query { neighbourhood(code: \"vijfhoek\") { name } }");
        var withDirective = Parser.Parse("query($s: Boolean!) { initiative(id: \"" + Id + "\") @include(if: $s) { title } }");

        var fields = await CachedDocumentValidator.FieldsWithArguments(schema, document, document.Definitions.OfType<GraphQLOperationDefinition>().Single());
        var none = await CachedDocumentValidator.FieldsWithArguments(schema, withDirective, withDirective.Definitions.OfType<GraphQLOperationDefinition>().Single());

        fields!.Select(f => f.Field.Name.StringValue).Should().Equal("initiative", "neighbourhood");
        none.Should().BeNull();
    }
}
