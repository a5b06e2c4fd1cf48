using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Silo.Configuration;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Haarlem.Initiatives.Silo.Mail;

/// <summary>How the hub sends email (keys under <c>Mail:</c>), and where its links point (<c>Hub:PublicUrl</c>).</summary>
public sealed record MailSettings(
    bool UseSmtp,
    string PickupFolder,
    string? Host,
    int Port,
    SecureSocketOptions Security,
    string? User,
    string? Password,
    string From,
    Uri PublicUrl,
    byte[] LinkSecret)
{
    /// <summary>Used only when Auth:Mode is Development and no secret is set: links stay valid across restarts on a developer's machine.</summary>
    private const string DevelopmentSecret = "haarlem-initiatives-development-notice-links";

    public static MailSettings Read(IConfiguration configuration, string contentRoot)
    {
        var mode = configuration["Mail:Mode"] is { Length: > 0 } m ? m : "Pickup";
        if (mode is not ("Pickup" or "Smtp"))
        {
            throw new HubConfigurationException($"Mail:Mode is '{mode}', but it must be 'Pickup' (write .eml files to a folder) or 'Smtp'.");
        }

        var host = configuration["Mail:Host"];
        if (mode == "Smtp" && string.IsNullOrWhiteSpace(host))
        {
            throw new HubConfigurationException("Mail:Host is empty, but Mail:Mode 'Smtp' needs the mail server's host name.");
        }

        var portText = configuration["Mail:Port"];
        var port = 25;
        if (!string.IsNullOrWhiteSpace(portText) && (!int.TryParse(portText, out port) || port is < 1 or > 65535))
        {
            throw new HubConfigurationException($"Mail:Port is '{portText}', but it must be a port number from 1 to 65535.");
        }

        var securityText = configuration["Mail:Security"] is { Length: > 0 } s ? s : "Auto";
        if (!Enum.TryParse<SecureSocketOptions>(securityText, ignoreCase: true, out var security) || int.TryParse(securityText, out _))
        {
            throw new HubConfigurationException($"Mail:Security is '{securityText}', but it must be None, Auto, StartTls or SslOnConnect.");
        }

        var publicText = configuration["Hub:PublicUrl"] is { Length: > 0 } p ? p : "http://localhost:5080/";
        if (!Uri.TryCreate(publicText, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme is not ("http" or "https"))
        {
            throw new HubConfigurationException($"Hub:PublicUrl is '{publicText}', but it must be the hub's address, such as https://initiatieven.haarlem.nl/.");
        }

        var secret = configuration["Notifications:LinkSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            secret = string.Equals(configuration["Auth:Mode"], "Development", StringComparison.OrdinalIgnoreCase)
                ? DevelopmentSecret
                : throw new HubConfigurationException("Notifications:LinkSecret is missing: set a secret of at least 32 characters, the same on every node (it signs the unsubscribe links in emails).");
        }
        else if (secret.Length < 32)
        {
            throw new HubConfigurationException($"Notifications:LinkSecret has {secret.Length} characters, but it must have at least 32.");
        }

        return new MailSettings(
            mode == "Smtp",
            Path.GetFullPath(configuration["Mail:PickupFolder"] is { Length: > 0 } folder ? folder : Path.Combine("data", "mail"), contentRoot),
            host, port, security, configuration["Mail:User"], configuration["Mail:Password"],
            configuration["Mail:From"] is { Length: > 0 } from ? from : "Haarlem Initiatieven <noreply@haarlem.nl>",
            publicUrl, System.Text.Encoding.UTF8.GetBytes(secret));
    }

    public NoticeLinks Links() => new(PublicUrl, LinkSecret);
}
