using System.Text.Encodings.Web;
using GraphQL;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Haarlem.Initiatives.GraphApi;

public static class GraphApiServiceCollectionExtensions
{
    /// <summary>The deepest query the API runs.</summary>
    public const int MaxDepth = 15;

    /// <summary>The most a query may cost (each field 1, a list multiplies what is below it).</summary>
    public const int MaxComplexity = 100_000;

    /// <summary>How many items a list without a page size counts for.</summary>
    public const double ListImpactMultiplier = 4;

    /// <summary>Registers the hub's GraphQL schema, its types and the System.Text.Json serializer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<ClusterCalls>();
        services.AddMetrics();
        services.TryAddSingleton<Http.GraphQLMetrics>();
        services.TryAddKeyedSingleton(HubClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddAuthorizationCore(options =>
        {
            foreach (var action in Enum.GetValues<HubAction>())
            {
                var requirement = new HubActionRequirement(action);
                options.AddPolicy(requirement.PolicyName, policy => policy.AddRequirements(requirement));
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AccessRulesHandler>());
        services.TryAddTransient<HubAuthorization>();
        services.TryAddTransient<InitiativeCommands>();
        services.TryAddSingleton<Initiatives.InitiativeListing>();
        services.TryAddSingleton<Overview.CouncilOverview>();
        services.AddGraphQL(builder => builder
            .AddSchema<HubSchema>()
            // Role policies refused before anything runs (also for a cached document: they depend
            // on the caller); at most so many aliases.
            .AddValidationRule(AuthorizationRule.Instance, useForCachedDocuments: true)
            .AddValidationRule(Http.DocumentLimitsRule.Instance)
            .ConfigureExecution<Http.DocumentCache>()
            .AddExecutionStrategy(GraphQL.Execution.SerialExecutionStrategy.Instance, GraphQLParser.AST.OperationType.Query)
            .AddGraphTypes(typeof(HubSchema).Assembly)
            // Bounded: a query deeper or costlier than this is refused before it runs (400). The
            // limits leave room for the standard introspection query.
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = MaxDepth;
                options.MaxComplexity = MaxComplexity;
                // A list without a page size counts as this many items for what is below it.
                options.DefaultListImpactMultiplier = ListImpactMultiplier;
            })
            .AddSystemTextJson(options =>
            {
                // Responses are JSON, never embedded in HTML: keep accents and '+' readable.
                options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            }));

        // GraphQL.NET's validator, with a shortcut for cached documents with no rule left to run.
        services.RemoveAll<GraphQL.Validation.IDocumentValidator>();
        services.AddSingleton<GraphQL.Validation.IDocumentValidator, Http.CachedDocumentValidator>();
        return services;
    }
}
