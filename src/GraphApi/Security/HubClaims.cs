using System.Security.Claims;
using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.GraphApi.Security;

/// <summary>
/// How a signed-in person is written in claims, whatever the sign-in (cookie, bearer token,
/// OpenID Connect): the subject, a name, one role claim per role (lower case) and their
/// neighbourhood.
/// </summary>
public static class HubClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Neighbourhood = "neighbourhood";

    /// <summary>The role's name in claims and tokens, for example <c>coordinator</c>.</summary>
    public static string RoleName(HubRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Reads a role name as written in claims; null for a name the hub does not know.</summary>
    public static HubRole? ParseRole(string name) =>
        Enum.TryParse<HubRole>(name, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(name, out _) ? role : null;

    /// <summary>The person behind a request, or null for an anonymous visitor.</summary>
    public static Actor? ToActor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirst(Subject)?.Value is not { Length: > 0 } userId)
        {
            return null;
        }

        var roles = user.FindAll(Role).Select(c => ParseRole(c.Value)).OfType<HubRole>().ToHashSet();
        return new Actor(userId, user.FindFirst(Name)?.Value ?? userId, roles, user.FindFirst(Neighbourhood)?.Value);
    }

    /// <summary>The claims of a person, for a sign-in cookie or a token.</summary>
    public static List<Claim> For(Actor actor)
    {
        var claims = new List<Claim> { new(Subject, actor.UserId), new(Name, actor.Name) };
        claims.AddRange(actor.Roles.Order().Select(role => new Claim(Role, RoleName(role))));
        if (actor.NeighbourhoodCode is { Length: > 0 } code)
        {
            claims.Add(new Claim(Neighbourhood, code));
        }

        return claims;
    }

    /// <summary>A principal for the given claims with the hub's claim types for name and role.</summary>
    public static ClaimsPrincipal Principal(IEnumerable<Claim> claims, string authenticationType) =>
        new(new ClaimsIdentity(claims, authenticationType, Name, Role));
}
