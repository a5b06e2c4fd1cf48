using System.Text.Json.Serialization;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Haarlem.Initiatives.Web.Identity;

/// <summary>Sign-in with a provider, sign-out, and (in Development mode only) bearer tokens for any persona.</summary>
public static class AuthEndpoints
{
    public static WebApplication MapHubAuth(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        if (settings.Residents is not null || settings.Officials is not null)
        {
            app.MapGet("/auth/signin/{provider}", (string provider, string? returnUrl) =>
                provider is HubAuthentication.ResidentsScheme or HubAuthentication.OfficialsScheme
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [provider])
                    : Results.NotFound());
        }

        app.MapPost("/auth/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });

        if (settings.IsDevelopment)
        {
            // Only in Development mode: in any other mode this route does not exist (404).
            app.MapPost("/auth/dev/token", (DevTokenRequest? request, TimeProvider time) =>
            {
                var errors = Validate(request);
                if (errors.Count > 0)
                {
                    return Results.BadRequest(new { errors });
                }

                var actor = new Actor(request!.UserId!.Trim(), request.Name!.Trim(),
                    request.Roles!.Select(r => HubClaims.ParseRole(r)!.Value).ToHashSet(),
                    string.IsNullOrWhiteSpace(request.NeighbourhoodCode) ? null : request.NeighbourhoodCode.Trim());
                var (token, expiresAt) = HubAuthentication.IssueToken(settings, actor, time.GetUtcNow());
                return Results.Ok(new { token, expiresAt });
            }).DisableAntiforgery();
        }

        return app;
    }

    /// <summary>A return address on this site, or the home page: never a redirect to another site.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static List<object> Validate(DevTokenRequest? request)
    {
        var errors = new List<object>();
        if (string.IsNullOrWhiteSpace(request?.UserId) || request.UserId.Trim().Length > 100)
        {
            errors.Add(new { field = "userId", code = "REQUIRED", message = "userId is required: 1 to 100 characters." });
        }

        if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Trim().Length > 100)
        {
            errors.Add(new { field = "name", code = "REQUIRED", message = "name is required: 1 to 100 characters." });
        }

        if (request?.Roles is not { Count: > 0 } roles || roles.Exists(r => HubClaims.ParseRole(r) is null))
        {
            errors.Add(new
            {
                field = "roles", code = "INVALID",
                message = $"roles must list one or more of: {string.Join(", ", Enum.GetValues<HubRole>().Select(HubClaims.RoleName))}.",
            });
        }

        return errors;
    }

    public sealed record DevTokenRequest(
        [property: JsonPropertyName("userId")] string? UserId,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("roles")] List<string>? Roles,
        [property: JsonPropertyName("neighbourhoodCode")] string? NeighbourhoodCode);
}
