using System.Security.Claims;
using GraphQL;
using Haarlem.Initiatives.Grains.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>For query fields that are not public: the access rules' refusal as a GraphQL field error.</summary>
public static class Guard
{
    /// <summary>Throws a field error (code UNAUTHENTICATED or FORBIDDEN) unless the rules allow the action.</summary>
    public static async Task Require(this IResolveFieldContext context, HubAction action, object? resource = null)
    {
        var authorization = context.RequestServices!.GetRequiredService<HubAuthorization>();
        if (await authorization.Check(context.User ?? new ClaimsPrincipal(), action, resource) is { } refused)
        {
            throw new ExecutionError(refused.Message) { Code = refused.Code };
        }
    }
}
