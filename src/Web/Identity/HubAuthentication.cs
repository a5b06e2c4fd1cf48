using System.Security.Claims;
using System.Text;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Haarlem.Initiatives.Web.Identity;

/// <summary>
/// Sign-in: a cookie for people (from OpenID Connect in production, from the development personas
/// on a developer's machine) and bearer tokens (JWT) for API clients; a request with an
/// <c>Authorization: Bearer</c> header is judged by its token, any other by its cookie.
/// </summary>
public static class HubAuthentication
{
    public const string Scheme = "hub";
    public const string ResidentsScheme = "residents";
    public const string OfficialsScheme = "officials";

    /// <summary>Registers sign-in as configured; returns the settings it read.</summary>
    public static AuthSettings AddHubAuthentication(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            // Every node must read the others' cookies: they share one key ring.
            builder.Services.AddDataProtection()
                .SetApplicationName("haarlem-initiatives")
                .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keysPath, builder.Environment.ContentRootPath)));
        }

        var authentication = builder.Services
            .AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(context.Request) is not null
                        ? JwtBearerDefaults.AuthenticationScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "haarlem.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = settings.IsDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = settings.TokenLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/auth/signin";
                options.AccessDeniedPath = "/auth/denied";
            })
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = TokenParameters(settings);
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket: SignalR clients send the token as access_token.
                    OnMessageReceived = context =>
                    {
                        context.Token ??= HubToken(context.Request);
                        return Task.CompletedTask;
                    },
                };
            });

        if (settings.Residents is { } residents)
        {
            authentication.AddOpenIdConnect(ResidentsScheme, "DigiD", options => Configure(options, residents, officials: false));
        }

        if (settings.Officials is { } officials)
        {
            authentication.AddOpenIdConnect(OfficialsScheme, "Gemeente Haarlem", options => Configure(options, officials, officials: true));
        }

        return settings;
    }

    /// <summary>The bearer token a SignalR client sends in the query string of a request to a hub.</summary>
    private static string? HubToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;

    public static TokenValidationParameters TokenParameters(AuthSettings settings) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = settings.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = HubClaims.Name,
        RoleClaimType = HubClaims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    /// <summary>A bearer token for <paramref name="actor"/>, signed with the configured key.</summary>
    public static (string Token, DateTimeOffset ExpiresAt) IssueToken(AuthSettings settings, Actor actor, DateTimeOffset now)
    {
        var expires = now + settings.TokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(HubClaims.For(actor)),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>
    /// The person a sign-in is: its own user id, or the desk record a resident took over with its
    /// one-time code (one person, one history).
    /// </summary>
    public static async Task<Actor> Linked(IGrainFactory grains, Actor actor) =>
        actor.Has(HubRole.Resident) && await grains.GetGrain<Grains.Desk.IAccountLinkGrain>(actor.UserId).Resolve() is { } record
            ? actor with { UserId = record }
            : actor;

    /// <summary>Signs <paramref name="actor"/> in with the hub's cookie, and notes their roles for their notice defaults.</summary>
    public static async Task SignIn(HttpContext http, Actor actor)
    {
        actor = await Linked(http.RequestServices.GetRequiredService<IGrainFactory>(), actor);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            HubClaims.Principal(HubClaims.For(actor), CookieAuthenticationDefaults.AuthenticationScheme));
        await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<Grains.People.IPersonGrain>(actor.UserId).UpdateProfile(null, actor.Roles);
    }

    private static void Configure(OpenIdConnectOptions options, OidcProvider provider, bool officials)
    {
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.CallbackPath = officials ? "/auth/callback/officials" : "/auth/callback/residents";
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Events.OnTokenValidated = async context =>
        {
            // The provider's claims become the hub's: a subject, a name and our roles.
            var external = context.Principal!;
            var subject = external.FindFirst("sub")?.Value ?? throw new AuthenticationFailureException("The identity provider sent no subject ('sub').");
            var name = external.FindFirst("name")?.Value ?? external.FindFirst("preferred_username")?.Value ?? subject;
            var roles = officials
                ? external.FindAll(provider.RoleClaim).Select(c => HubClaims.ParseRole(c.Value)).OfType<HubRole>().Where(r => r != HubRole.Resident).ToHashSet()
                : [HubRole.Resident];
            if (roles.Count == 0)
            {
                roles.Add(HubRole.Official);
            }

            // Residents are kept apart from officials by a prefix: one person, two different ids.
            var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
            var actor = await Linked(grains, new Actor((officials ? "official:" : "resident:") + subject, name, roles));
            context.Principal = HubClaims.Principal(HubClaims.For(actor), CookieAuthenticationDefaults.AuthenticationScheme);
            // The provider's e-mail address (if it gives one) becomes where notices go, unless the person chose another.
            await grains.GetGrain<Grains.People.IPersonGrain>(actor.UserId).UpdateProfile(external.FindFirst("email")?.Value, actor.Roles);
        };
    }
}
