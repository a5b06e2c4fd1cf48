using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Haarlem.Initiatives.GraphApi.Common;
using Orleans.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// The GraphQL endpoint, following the GraphQL-over-HTTP specification: POST with a JSON body
/// (<c>query</c>, <c>variables</c>, <c>operationName</c>) for everything, GET with the same as query
/// parameters for queries. A request that cannot run (bad JSON, a syntax error, a validation error)
/// gets 400 with GraphQL errors; a request that ran gets 200, with any field errors in <c>errors</c>.
/// </summary>
public static partial class GraphQLHttpEndpoint
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    /// <summary>The longest document the endpoint parses, in characters (the introspection query is about 1,500).</summary>
    public const int MaxDocumentLength = 16_384;

    public static RouteGroupBuilder MapHubGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        var group = endpoints.MapGroup(pattern);
        group.MapPost("/", HandlePost).DisableAntiforgery();
        group.MapGet("/", HandleGet);
        // The schema in SDL, with descriptions: what external clients generate their code from.
        group.MapGet("/schema.graphql", (HubSchema schema) =>
        {
            schema.Initialize();
            return Results.Text(schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true }), "text/plain; charset=utf-8");
        });
        return group;
    }

    private static async Task HandlePost(HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter<HubSchema> executer, ILoggerFactory loggers, GraphQLMetrics metrics)
    {
        if (http.Request.ContentType is not { } contentType ||
            !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteRequestError(http, serializer, metrics, StatusCodes.Status415UnsupportedMediaType,
                "Send the request as JSON with the header Content-Type: application/json.", "UNSUPPORTED_MEDIA_TYPE");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            await WriteRequestError(http, serializer, metrics, StatusCodes.Status400BadRequest,
                "The request body is not valid JSON of the form { \"query\": ..., \"variables\": ..., \"operationName\": ... }.", "INVALID_REQUEST");
            return;
        }

        await Execute(http, serializer, executer, loggers, metrics, request, isGet: false);
    }

    private static async Task HandleGet(HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter<HubSchema> executer, ILoggerFactory loggers, GraphQLMetrics metrics)
    {
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query["variables"].ToString() is { Length: > 0 } variablesText)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(variablesText);
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
            {
                await WriteRequestError(http, serializer, metrics, StatusCodes.Status400BadRequest,
                    "The query parameter 'variables' is not a valid JSON object.", "INVALID_REQUEST");
                return;
            }
        }

        var request = new GraphQLRequest
        {
            Query = query["query"].ToString(),
            OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
            Variables = variables,
        };
        await Execute(http, serializer, executer, loggers, metrics, request, isGet: true);
    }

    private static async Task Execute(
        HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter<HubSchema> executer, ILoggerFactory loggers,
        GraphQLMetrics metrics, GraphQLRequest? request, bool isGet)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteRequestError(http, serializer, metrics, StatusCodes.Status400BadRequest,
                "The request has no 'query': send the GraphQL document to run.", "QUERY_MISSING");
            return;
        }

        if (request.Query.Length > MaxDocumentLength)
        {
            await WriteRequestError(http, serializer, metrics, StatusCodes.Status400BadRequest,
                $"The document has {request.Query.Length} characters; at most {MaxDocumentLength} are allowed.", "DOCUMENT_TOO_LARGE");
            return;
        }

        var logger = loggers.CreateLogger(typeof(GraphQLHttpEndpoint));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
            if (isGet)
            {
                // Also for a document cached from a POST: a mutation is never run over GET.
                options.ValidationRules = DocumentValidator.CoreRules.Append(HttpGetQueriesOnlyRule.Instance);
                options.CachedDocumentValidationRules = [HttpGetQueriesOnlyRule.Instance];
            }

            options.UnhandledExceptionDelegate = context =>
            {
                LogResolverFault(logger, context.Exception, context.FieldContext?.FieldDefinition.Name);
                context.ErrorMessage = context.Exception switch
                {
                    _ when ClusterCalls.IsTransient(context.Exception) =>
                        "Part of the hub could not be reached in time. Try again in a minute.",
                    InconsistentStateException =>
                        "Someone else changed this at the same moment, so your change was not saved. Try again.",
                    _ => context.ErrorMessage,
                };
                return Task.CompletedTask;
            };
        });

        // GraphQL over HTTP: a document that fails to parse or validate is 400 in the
        // application/graphql-response+json media type; a client that accepts only the older
        // application/json gets 200 for every well-formed request, with the errors in the body.
        metrics.Executed(result, request.Query, request.OperationName, started);
        var mediaType = ResponseMediaType(http.Request);
        http.Response.StatusCode = result.Executed
            ? StatusCodes.Status200OK
            : result.Errors?.Any(e => e is ValidationError { Number: HttpGetQueriesOnlyRule.Code }) == true
                ? StatusCodes.Status405MethodNotAllowed
                : mediaType == GraphQLResponseMediaType ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        http.Response.ContentType = mediaType;
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static Task WriteRequestError(HttpContext http, IGraphQLTextSerializer serializer, GraphQLMetrics metrics, int status, string message, string code)
    {
        metrics.RequestRefused();
        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseMediaType(http.Request);
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static string ResponseMediaType(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) == true)
            ? GraphQLResponseMediaType
            : "application/json; charset=utf-8";

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL resolver failed (field {Field}).")]
    private static partial void LogResolverFault(ILogger logger, Exception exception, string? field);
}
