using System.Text.Encodings.Web;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi;

public static class GraphApiServiceCollectionExtensions
{
    /// <summary>Registers the hub's GraphQL schema, its types and the System.Text.Json serializer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services) =>
        services.AddGraphQL(builder => builder
            .AddSchema<HubSchema>()
            .AddGraphTypes(typeof(HubSchema).Assembly)
            .AddSystemTextJson(options =>
            {
                // Responses are JSON, never embedded in HTML: keep accents and '+' readable.
                options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            }));
}
