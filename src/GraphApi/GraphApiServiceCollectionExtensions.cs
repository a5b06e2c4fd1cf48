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
    /// <summary>Registers the hub's GraphQL schema, its types and the System.Text.Json serializer.</summary>
    public static IServiceCollection AddHubGraphQL(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<ClusterCalls>();
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
