using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// GraphQL.NET's document validator, with one shortcut for a document that <see cref="DocumentCache"/>
/// keeps and that has no rule left to run for this request. For such a document GraphQL.NET still
/// walks the whole operation twice on every request: once to find where each variable is used
/// (before it coerces the variables' values) and once to parse every field's arguments. Both
/// walks depend on the document alone. Here they are done once per document: the variables'
/// uses stay in validation contexts kept for that document (GraphQL.NET keeps them per context),
/// and the fields that take arguments, with their definitions, are listed once; per request only
/// the values are coerced (<see cref="ValidationContext.GetVariablesValuesAsync"/>,
/// <see cref="ExecutionHelper.GetArguments"/>), as GraphQL.NET's own walk does.
/// Anything else goes to GraphQL.NET's validator unchanged: a new document, one with rules to run,
/// one with directives, and any request whose variables or arguments do not coerce (so that its
/// errors are GraphQL.NET's own, word for word).
/// </summary>
public sealed class CachedDocumentValidator : IDocumentValidator
{
    /// <summary>How many validation contexts are kept per document (about the number of requests at once).</summary>
    public const int ContextsPerDocument = 32;

    private readonly DocumentValidator _inner = new();
    private readonly ConditionalWeakTable<GraphQLDocument, Plan> _plans = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is ICollection<IValidationRule> { Count: 0 } && options.Operation is not null)
        {
            return Shortcut(options);
        }

        return _inner.ValidateAsync(in options);
    }

    private async Task<IValidationResult> Shortcut(ValidationOptions options)
    {
        var plan = await PlanFor(options);
        if (plan.Fields is null)
        {
            return await _inner.ValidateAsync(in options);
        }

        if (!plan.Contexts.TryTake(out var context))
        {
            // Kept for this document (and so this schema): only the request's own values change.
            context = new ValidationContext { Schema = options.Schema, Document = options.Document, TypeInfo = new TypeInfo(options.Schema) };
        }

        context.Operation = options.Operation;
        context.UserContext = options.UserContext;
        context.Metrics = options.Metrics;
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.CancellationToken = options.CancellationToken;
        try
        {
            var (variables, errors) = await context.GetVariablesValuesAsync(null);
            if (errors is { Count: > 0 } || context.HasErrors)
            {
                context = null; // it holds errors: not used again
                return await _inner.ValidateAsync(in options);
            }

            var arguments = new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(plan.Fields.Count);
            foreach (var (field, definitions) in plan.Fields)
            {
                if (ExecutionHelper.GetArguments(definitions, field.Arguments, variables, options.Document, field, null) is { } values)
                {
                    arguments[field] = values;
                }
            }

            return new ValidationResult(Array.Empty<ValidationError>()) { Variables = variables, ArgumentValues = arguments };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // GraphQL.NET's validator reports it as it always does.
            context = null;
            return await _inner.ValidateAsync(in options);
        }
        finally
        {
            if (context is not null)
            {
                context.UserContext = null!;
                context.Variables = null!;
                context.Extensions = null!;
                context.RequestServices = null;
                context.User = null;
                context.Metrics = null!;
                if (plan.Contexts.Count < ContextsPerDocument)
                {
                    plan.Contexts.Add(context);
                }
            }
        }
    }

    /// <summary>What is known of a document once: the fields that take arguments; none when it has directives.</summary>
    private sealed class Plan(List<(GraphQLField Field, QueryArguments Definitions)>? fields)
    {
        public List<(GraphQLField Field, QueryArguments Definitions)>? Fields { get; } = fields;

        public ConcurrentBag<ValidationContext> Contexts { get; } = [];
    }

    private async ValueTask<Plan> PlanFor(ValidationOptions options)
    {
        if (_plans.TryGetValue(options.Document, out var known))
        {
            return known;
        }

        var plan = new Plan(await FieldsWithArguments(options.Schema, options.Document, options.Operation));
        return _plans.GetValue(options.Document, _ => plan);
    }

    /// <summary>
    /// Every field in the document whose definition takes arguments, with those definitions (what
    /// GraphQL.NET's argument walk parses); null when any node has a directive (those are left to
    /// GraphQL.NET, which also parses directive arguments).
    /// </summary>
    public static async ValueTask<List<(GraphQLField Field, QueryArguments Definitions)>?> FieldsWithArguments(
        ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var typeInfo = new TypeInfo(schema);
        var fields = new List<(GraphQLField, QueryArguments)>();
        var directives = false;
        var collect = new MatchingNodeVisitor<ASTNode>(
            (node, _) =>
            {
                if (node is IHasDirectivesNode { Directives.Count: > 0 })
                {
                    directives = true;
                }

                if (node is GraphQLField field && typeInfo.GetFieldDef()?.Arguments is { Count: > 0 } definitions)
                {
                    fields.Add((field, definitions));
                }
            },
            null);
        var context = new ValidationContext { Schema = schema, Document = document, Operation = operation, TypeInfo = typeInfo };
        await new BasicVisitor(typeInfo, collect).VisitAsync(document, new BasicVisitor.State(context));
        return directives ? null : fields;
    }
}
