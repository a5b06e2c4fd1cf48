using System.Security.Claims;
using System.Text.Json.Nodes;
using GraphQL;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Tests;

/// <summary>Runs a document through the hub's schema against a test cluster's grains, without HTTP, and gives the answer as JSON.</summary>
internal static class SchemaRunner
{
    /// <param name="grains">The test cluster's grains.</param>
    /// <param name="query">The document.</param>
    /// <param name="actor">Who asks; null: nobody signed in.</param>
    /// <param name="clock">The hub's clock, when the cluster has its own.</param>
    /// <param name="variables">The document's variables.</param>
    /// <param name="configure">More services (for example a loader observer).</param>
    public static async Task<JsonNode> Execute(
        IGrainFactory grains, string query, Actor? actor, TimeProvider? clock = null, Inputs? variables = null, Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection().AddSingleton(grains).AddSingleton<IAuditLog>(new MemoryHubTables());
        if (clock is not null)
        {
            collection.AddKeyedSingleton(Grains.Common.HubClock.Key, clock);
        }

        configure?.Invoke(collection);
        var services = collection.AddHubGraphQL().BuildServiceProvider();
        var result = await services.GetRequiredService<IDocumentExecuter<HubSchema>>().ExecuteAsync(options =>
        {
            options.Query = query;
            options.Variables = variables;
            options.RequestServices = services;
            options.User = actor is null ? new ClaimsPrincipal() : HubClaims.Principal(HubClaims.For(actor), "test");
        });
        return JsonNode.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
    }
}
