using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Web.Identity;

/// <summary>How people sign in (keys under <c>Auth:</c>; docs/security.md and docs/operations.md list them).</summary>
public enum AuthMode
{
    /// <summary>Sign in as any persona without a password; for a developer's machine only.</summary>
    Development,
    /// <summary>OpenID Connect: residents through a DigiD broker, officials through the municipality's identity provider.</summary>
    OpenIdConnect,
}

/// <summary>One OpenID Connect provider.</summary>
public sealed record OidcProvider(string Authority, string ClientId, string? ClientSecret, string RoleClaim);

public sealed record AuthSettings
{
    public const int MinimumKeyLength = 32;

    public AuthMode Mode { get; init; }

    /// <summary>The key that signs and checks bearer tokens (HMAC-SHA256), at least 32 characters.</summary>
    public required string SigningKey { get; init; }

    public string Issuer { get; init; } = "haarlem-initiatives";

    public string Audience { get; init; } = "haarlem-initiatives-api";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(8);

    public OidcProvider? Residents { get; init; }

    public OidcProvider? Officials { get; init; }

    public bool IsDevelopment => Mode == AuthMode.Development;

    public static AuthSettings From(IConfiguration configuration)
    {
        var modeText = configuration["Auth:Mode"];
        if (string.IsNullOrWhiteSpace(modeText) || !Enum.TryParse<AuthMode>(modeText, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _))
        {
            throw new HubConfigurationException(
                $"Auth:Mode is '{modeText}', but it must be 'Development' (sign in as any persona, never in production) or 'OpenIdConnect'.");
        }

        var key = configuration["Auth:SigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            if (mode != AuthMode.Development)
            {
                throw new HubConfigurationException($"Auth:SigningKey is missing: set a secret of at least {MinimumKeyLength} characters, the same on every node.");
            }

            // Development only: a key for this process, so tokens work until it stops.
            key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        }
        else if (key.Length < MinimumKeyLength)
        {
            throw new HubConfigurationException($"Auth:SigningKey has {key.Length} characters, but it must have at least {MinimumKeyLength}.");
        }

        var minutesText = configuration["Auth:TokenLifetimeMinutes"];
        var minutes = 480;
        if (!string.IsNullOrWhiteSpace(minutesText) && (!int.TryParse(minutesText, out minutes) || minutes is < 1 or > 10080))
        {
            throw new HubConfigurationException($"Auth:TokenLifetimeMinutes is '{minutesText}', but it must be a whole number from 1 to 10080 (a week).");
        }

        var settings = new AuthSettings
        {
            Mode = mode,
            SigningKey = key,
            Issuer = configuration["Auth:Issuer"] is { Length: > 0 } issuer ? issuer : "haarlem-initiatives",
            Audience = configuration["Auth:Audience"] is { Length: > 0 } audience ? audience : "haarlem-initiatives-api",
            TokenLifetime = TimeSpan.FromMinutes(minutes),
            Residents = Provider(configuration, "Residents", mode),
            Officials = Provider(configuration, "Officials", mode),
        };
        return settings;
    }

    private static OidcProvider? Provider(IConfiguration configuration, string name, AuthMode mode)
    {
        var section = configuration.GetSection($"Auth:{name}");
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(clientId))
        {
            return mode == AuthMode.OpenIdConnect
                ? throw new HubConfigurationException($"Auth:{name}:Authority and Auth:{name}:ClientId are required when Auth:Mode is OpenIdConnect.")
                : null;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new HubConfigurationException($"Auth:{name}:Authority is '{authority}', but it must be an https:// address.");
        }

        return new OidcProvider(authority, clientId, section["ClientSecret"], section["RoleClaim"] is { Length: > 0 } claim ? claim : "roles");
    }
}
