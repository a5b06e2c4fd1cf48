using System.Collections.Concurrent;
using Haarlem.Initiatives.Grains.Notifications;

namespace Haarlem.Initiatives.Testing;

/// <summary>
/// The grain tests' mail server: keeps what was sent (per address) and can be "down". The real
/// SMTP exchange is tested in Web.Tests against an SMTP server on loopback.
/// </summary>
public sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<OutgoingMail>> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _down = new(StringComparer.Ordinal);

    public static RecordingMailSender Instance { get; } = new();

    /// <summary>The mail sent to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<OutgoingMail> To(string address) => _sent.TryGetValue(address, out var mails) ? [.. mails] : [];

    /// <summary>Makes sending to <paramref name="address"/> fail as if the server were away, until <see cref="Up"/>.</summary>
    public void Down(string address) => _down[address] = 0;

    public void Up(string address) => _down.TryRemove(address, out _);

    public Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (_down.ContainsKey(mail.To))
        {
            throw new IOException("The mail server is not answering.");
        }

        if (mail.To.EndsWith("@refused.example", StringComparison.Ordinal))
        {
            throw new MailRejectedException("550 No such user here");
        }

        _sent.GetOrAdd(mail.To, _ => new ConcurrentQueue<OutgoingMail>()).Enqueue(mail);
        return Task.CompletedTask;
    }
}
