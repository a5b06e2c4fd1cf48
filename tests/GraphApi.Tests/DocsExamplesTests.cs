using System.Text;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Tests;

/// <summary>Every GraphQL example in the API docs parses and validates against the schema, so the docs cannot drift from it.</summary>
public sealed class DocsExamplesTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    public static TheoryData<string> Documents() => ["docs/api.md", "docs/graphql.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_example_validates_against_the_schema(string document)
    {
        var schema = new ServiceCollection().AddSingleton(hub.Grains).AddHubGraphQL().BuildServiceProvider().GetRequiredService<ISchema>();
        schema.Initialize();
        var examples = Operations(File.ReadAllText(Path.Combine(RepositoryRoot(), document))).ToList();

        var failures = new List<string>();
        foreach (var example in examples)
        {
            var parsed = Parser.Parse(example);
            var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = parsed,
                Rules = DocumentValidator.CoreRules,
                Operation = parsed.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(),
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                RequestServices = null,
                User = null,
            });
            // Variables are shown as comments, not sent: only their absence may be reported.
            var errors = result.Errors.Where(e => e is not InvalidVariableError).ToList();
            if (errors.Count > 0)
            {
                failures.Add($"{example}\n  -> {string.Join("; ", errors.Select(e => e.Message))}");
            }
        }

        examples.Should().HaveCountGreaterThan(5);
        string.Join("\n\n", failures).Should().BeEmpty();
    }

    /// <summary>The operations in the ```graphql blocks: comment lines dropped, one operation per top-level braces.</summary>
    private static IEnumerable<string> Operations(string markdown)
    {
        var blocks = markdown.Split("```graphql").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]);
        foreach (var block in blocks)
        {
            var text = string.Join('\n', block.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
            var current = new StringBuilder();
            var depth = 0;
            var inString = false;
            foreach (var c in text)
            {
                current.Append(c);
                inString ^= c == '"';
                if (inString)
                {
                    continue;
                }

                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (c == '}' && depth == 0)
                {
                    yield return current.ToString().Trim();
                    current.Clear();
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Haarlem.Initiatives.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
