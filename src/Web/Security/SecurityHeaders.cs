namespace Haarlem.Initiatives.Web.Security;

/// <summary>
/// Headers on every response that keep the browser from running or framing what it should not:
/// a strict Content-Security-Policy (no inline script, no other origins), no MIME sniffing, a
/// short referrer, never in a frame. HSTS comes from ASP.NET Core outside development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The pages' policy; <paramref name="tileOrigin"/> is the map tiles' server (images only), if any.</summary>
    public static string ContentSecurityPolicy(string? tileOrigin = null) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The cluster dashboard (admins only) is a third-party single-page app that needs inline script and styles.</summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>GraphiQL (at /graphql/ui) embeds its fonts as data: URLs; script stays 'self' only.</summary>
    public const string GraphiQLContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var pages = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<Maps.MapSettings>().TileOrigin);
        return app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/dashboard") ? DashboardContentSecurityPolicy
            : context.Request.Path.StartsWithSegments("/graphql/ui") ? GraphiQLContentSecurityPolicy
            : pages;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    });
    }
}
