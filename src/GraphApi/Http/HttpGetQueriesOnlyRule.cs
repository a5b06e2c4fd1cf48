using GraphQL.Validation;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// GraphQL over HTTP: a GET request may only run queries, because GET must not change anything
/// (and links or prefetching must never submit an initiative).
/// </summary>
public sealed class HttpGetQueriesOnlyRule : ValidationRuleBase
{
    public const string Code = "HTTP_GET_QUERY_ONLY";

    public static readonly HttpGetQueriesOnlyRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
        {
            if (operation.Operation != OperationType.Query && validation.Operation == operation)
            {
                validation.ReportError(new ValidationError(
                    validation.Document.Source, Code,
                    $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent with POST; GET only runs queries.",
                    operation));
            }
        }));
}
