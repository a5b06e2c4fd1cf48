using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// Keeps documents that parsed and validated, by their text, so a client that sends the same
/// query again skips parsing and the rules that depend only on the document (the schema's rules,
/// depth and complexity). Rules that depend on the caller or the request (the authorization
/// rule, GET runs queries only) are registered for cached documents too and run every time.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>At most this many documents are kept; later ones are parsed every time.</summary>
    public const int MaxEntries = 1_000;

    private readonly GraphQLDocumentBuilder _builder = new();

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>After the options are configured (their rules set), before execution.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
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
            _documents.TryAdd(query, options.Document);
        }

        return result;
    }
}
