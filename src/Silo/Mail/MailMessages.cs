using Haarlem.Initiatives.Grains.Notifications;
using MimeKit;

namespace Haarlem.Initiatives.Silo.Mail;

/// <summary>An outgoing notice as a MIME message: text and HTML alternatives, language, one-click unsubscribe headers.</summary>
public static class MailMessages
{
    public static MimeMessage Create(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        message.Body.Headers.Add("Content-Language", mail.Language);
        return message;
    }
}

/// <summary>Writes each email as an .eml file into a folder: the embedded default, so that nothing is sent by accident.</summary>
public sealed class PickupFolderMailSender(MailSettings settings) : IMailSender
{
    public async Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.PickupFolder);
        var message = MailMessages.Create(mail, settings.From);
        var path = Path.Combine(settings.PickupFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
