using Haarlem.Initiatives.Grains.Access;
using Microsoft.AspNetCore.Authorization;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>An ASP.NET Core authorization requirement: "may do this action", judged by <see cref="AccessRules"/>.</summary>
public sealed record HubActionRequirement(HubAction Action) : IAuthorizationRequirement
{
    /// <summary>The policy name for this action, for endpoints (for example the dashboard's).</summary>
    public string PolicyName => PolicyPrefix + Action;

    public const string PolicyPrefix = "hub:";
}

/// <summary>
/// The one bridge between ASP.NET Core authorization and <see cref="AccessRules"/>: the resource
/// is the initiative's <see cref="InitiativeAccess"/>, an official's id for a work queue, or none.
/// </summary>
public sealed class AccessRulesHandler : AuthorizationHandler<HubActionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HubActionRequirement requirement)
    {
        var actor = HubClaims.ToActor(context.User);
        var allowed = (requirement.Action, context.Resource) switch
        {
            (HubAction.ReadWorkQueue, string officialId) => AccessRules.AllowsWorkQueue(actor, officialId),
            (_, InitiativeAccess initiative) => AccessRules.Allows(actor, requirement.Action, initiative),
            _ => AccessRules.Allows(actor, requirement.Action),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
