using System.Text.Encodings.Web;
using GraphQL;
using Haarlem.Initiatives.GraphApi.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Haarlem.Initiatives.GraphApi;

public static class GraphApiServiceCollectionExtensions
{
    /// <summary>Registers the hub's GraphQL schema, its types and the System.Text.Json serializer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterCalls>();
        return services.AddGraphQL(builder => builder
            .AddSchema<HubSchema>()
            .AddGraphTypes(typeof(HubSchema).Assembly)
            .AddSystemTextJson(options =>
            {
                // Responses are JSON, never embedded in HTML: keep accents and '+' readable.
                options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            }));
    }
}
