namespace Haarlem.Initiatives.Grains.Notifications;

/// <summary>An email ready to send: a text part and an HTML part, and the unsubscribe link for its header.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.outgoing-mail")]
public sealed record OutgoingMail(
    [property: Id(0)] string To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Text,
    [property: Id(3)] string Html,
    [property: Id(4)] string Language,
    [property: Id(5)] string UnsubscribeUrl);

/// <summary>Sends email. Throws <see cref="MailRejectedException"/> when the address is refused for good; any other exception is worth trying again.</summary>
public interface IMailSender
{
    Task Send(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>The mail server refused the address for good (a 5xx answer): trying again will not help.</summary>
public sealed class MailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
