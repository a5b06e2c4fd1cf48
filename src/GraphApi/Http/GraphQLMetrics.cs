using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>
/// GraphQL operations by name and outcome, in the hub's meter (<c>Haarlem.Initiatives</c>). The
/// name is the operation's root fields (for example <c>submitInitiative</c>), which the schema
/// bounds, never the client's own operation name, which it does not.
/// </summary>
public sealed class GraphQLMetrics
{
    /// <summary>More root fields than this in one operation are counted as <c>(several)</c>.</summary>
    public const int MaxNamedFields = 3;

    private readonly Counter<long> _operations;
    private readonly Histogram<double> _duration;

    public GraphQLMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Grains.Common.HubMetrics.MeterName);
        _operations = meter.CreateCounter<long>("hub.graphql.operations", "{operation}",
            "GraphQL operations by operation (root fields), type and outcome: ok, field_error (ran, with errors in the answer), rejected (did not run: syntax, validation, access, limits).");
        _duration = meter.CreateHistogram("hub.graphql.operation.duration", "s",
            "Time to execute a GraphQL operation (without writing the answer).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    /// <summary>Counts a request that was refused before it could be parsed (bad JSON, no query, too long).</summary>
    public void RequestRefused() => Record("(unknown)", "(unknown)", "rejected", null);

    public void Executed(ExecutionResult result, string query, string? operationName, long startedTimestamp)
    {
        // A document that did not validate has no chosen operation in the result: read it again
        // (rejected documents only, at most 16 KiB) to say what was refused.
        var operation = result.Operation ?? OperationIn(query, operationName);
        var name = operation is null ? "(unknown)" : NameOf(operation);
        var type = operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "(unknown)",
        };
        var outcome = !result.Executed ? "rejected" : result.Errors is { Count: > 0 } ? "field_error" : "ok";
        Record(name, type, outcome, Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }

    private void Record(string name, string type, string outcome, double? seconds)
    {
        var tags = new TagList
        {
            { "operation", name },
            { "type", type },
            { "outcome", outcome },
        };
        _operations.Add(1, tags);
        if (seconds is { } value)
        {
            _duration.Record(value, tags);
        }
    }

    private static GraphQLOperationDefinition? OperationIn(string query, string? operationName)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>()
                .FirstOrDefault(o => operationName is null || o.Name?.StringValue == operationName);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    private static string NameOf(GraphQLOperationDefinition operation)
    {
        var fields = operation.SelectionSet.Selections
            .OfType<GraphQLField>()
            .Select(f => f.Name.StringValue)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return fields.Count switch
        {
            0 => "(fragments)",
            > MaxNamedFields => "(several)",
            _ => string.Join('+', fields),
        };
    }
}
