using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// Keeps documents that parsed and validated, by their text, so a client that sends the same
/// query again skips parsing and the rules that depend only on the document (the schema's rules
/// and depth). Rules that depend on the caller or the request (the authorization rule, GET runs
/// queries only, and the complexity when a page size comes from a variable) are registered for
/// cached documents too and run every time, except where the document shows they cannot find
/// anything: the authorization rule for a document without protected fields, and the complexity
/// for a document whose page sizes are all written in it. A cached document with no rule left
/// skips the validator's walk of the document altogether (about a third of a small query's cost),
/// and <see cref="CachedDocumentValidator"/> finds its variables' uses and its fields' arguments
/// once instead of on every request.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>At most this many documents are kept; later ones are parsed every time.</summary>
    public const int MaxEntries = 1_000;

    private readonly GraphQLDocumentBuilder _builder = new();

    private readonly ConcurrentDictionary<string, Entry> _documents = new(StringComparer.Ordinal);

    /// <summary>After the options are configured (their rules set), before execution.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var entry))
        {
            options.Document = entry.Document;
            options.ValidationRules = RulesFor(entry, options.CachedDocumentValidationRules);
            return await next(options);
        }

        try
        {
            options.Document = _builder.Build(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            // The executer reports it as the request's error.
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && _documents.Count < MaxEntries)
        {
            _documents.TryAdd(query, new Entry(options.Document, FixedComplexity(options.Document)));
        }

        return result;
    }

    private sealed record Entry(GraphQLDocument Document, bool FixedComplexity);

    private static List<IValidationRule> RulesFor(Entry entry, IEnumerable<IValidationRule>? cachedRules)
    {
        var rules = new List<IValidationRule>();
        foreach (var rule in cachedRules ?? [])
        {
            var needless = rule switch
            {
                Security.AuthorizationRule => Security.AuthorizationRule.IsUnprotected(entry.Document),
                ComplexityValidationRule => entry.FixedComplexity,
                _ => false,
            };
            if (!needless)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>
    /// True when no argument the complexity depends on takes its value from a variable (a list's
    /// <c>first</c> or <c>last</c>; an <c>id</c>, which counts by being given, unless its variable
    /// cannot be null): the complexity computed when the document was first validated then holds
    /// for every request.
    /// </summary>
    public static bool FixedComplexity(GraphQLDocument document)
    {
        var required = document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(o => o.Variables?.Items ?? [])
            .Where(v => v.Type is GraphQLNonNullType)
            .Select(v => v.Variable.Name.StringValue)
            .ToHashSet(StringComparer.Ordinal);
        var pending = new Stack<ASTNode>([document]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case GraphQLArgument { Value: GraphQLVariable variable } argument
                    when argument.Name.StringValue is "first" or "last" ||
                         (argument.Name.StringValue == "id" && !required.Contains(variable.Name.StringValue)):
                    return false;
                case GraphQLDocument d:
                    d.Definitions.ForEach(pending.Push);
                    break;
                case GraphQLOperationDefinition o:
                    pending.Push(o.SelectionSet);
                    break;
                case GraphQLFragmentDefinition f:
                    pending.Push(f.SelectionSet);
                    break;
                case GraphQLSelectionSet set:
                    set.Selections.ForEach(pending.Push);
                    break;
                case GraphQLField field:
                    field.Arguments?.Items.ForEach(pending.Push);
                    if (field.SelectionSet is not null)
                    {
                        pending.Push(field.SelectionSet);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    pending.Push(inline.SelectionSet);
                    break;
            }
        }

        return true;
    }
}
