using Haarlem.Initiatives.Grains.Notifications;
using MailKit.Net.Smtp;

namespace Haarlem.Initiatives.Silo.Mail;

/// <summary>Sends over SMTP with MailKit. A 5xx refusal of the recipient is permanent; anything else is worth another try.</summary>
public sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    public async Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        try
        {
            await client.SendAsync(MailMessages.Create(mail, settings.From), cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500 && refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            throw new MailRejectedException($"{(int)refused.StatusCode} {refused.Message}", refused);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
        }
    }
}
