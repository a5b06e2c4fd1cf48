using System.Security.Cryptography;
using System.Text;

namespace Haarlem.Initiatives.Grains.Notifications;

/// <summary>
/// Links in emails: to an initiative, and the one-click unsubscribe link for one kind of notice,
/// signed (HMAC-SHA256) so that nobody can change another person's settings with a made-up link.
/// </summary>
public sealed class NoticeLinks(Uri publicUrl, byte[] secret)
{
    public Uri PublicUrl { get; } = publicUrl;

    public string Initiative(Guid id) => new Uri(PublicUrl, $"/initiatieven/{id}").ToString();

    public string Unsubscribe(string userId, NoticeKind kind) =>
        new Uri(PublicUrl, $"/meldingen/afmelden?u={Uri.EscapeDataString(userId)}&k={kind}&s={Signature(userId, kind)}").ToString();

    public string Settings => new Uri(PublicUrl, "/gegevens/meldingen").ToString();

    /// <summary>Whether <paramref name="signature"/> is the one this hub made for the person and kind.</summary>
    public bool Verify(string userId, NoticeKind kind, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(userId, kind)), Encoding.ASCII.GetBytes(signature ?? string.Empty));

    private string Signature(string userId, NoticeKind kind) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"unsubscribe\n{userId}\n{kind}")))[..32];
}
