using System.Security.Claims;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Microsoft.AspNetCore.Authorization;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>Asks ASP.NET Core's authorization service, and words a refusal as a user error that names the rule.</summary>
public sealed class HubAuthorization(IAuthorizationService authorization)
{
    /// <summary>Null when allowed; otherwise UNAUTHENTICATED (sign in first) or FORBIDDEN (the rule).</summary>
    public async Task<UserError?> Check(ClaimsPrincipal user, HubAction action, object? resource = null)
    {
        var result = await authorization.AuthorizeAsync(user, resource, new HubActionRequirement(action));
        if (result.Succeeded)
        {
            return null;
        }

        return Refusal(user, action);
    }

    /// <summary>The refusal for someone the rules do not allow <paramref name="action"/>.</summary>
    public static UserError Refusal(ClaimsPrincipal user, HubAction action)
    {
        return HubClaims.ToActor(user) is null
            ? new UserError(UserErrorCodes.Unauthenticated, "user", $"Sign in first. {AccessRules.Describe(action)}")
            : new UserError(UserErrorCodes.Forbidden, "user", AccessRules.Describe(action));
    }
}
