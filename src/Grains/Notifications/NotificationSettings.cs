using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Grains.Notifications;

/// <summary>A person's choices for notices.</summary>
/// <param name="Email">Where emails go; none means notices stay on the site.</param>
/// <param name="Language">"nl" (default) or "en".</param>
/// <param name="Channels">A channel per kind of notice.</param>
/// <param name="DigestHour">The hour (Dutch time, 0 to 23) digests are sent.</param>
/// <param name="DigestDay">The day weekly digests are sent.</param>
/// <param name="EmailProblem">Why mail to <paramref name="Email"/> failed for good, shown on the site; null when it works.</param>
[GenerateSerializer, Immutable, Alias("haarlem.notification-settings")]
public sealed record NotificationSettings(
    [property: Id(0)] string? Email,
    [property: Id(1)] string Language,
    [property: Id(2)] IReadOnlyDictionary<NoticeKind, NoticeChannel> Channels,
    [property: Id(3)] int DigestHour,
    [property: Id(4)] DayOfWeek DigestDay,
    [property: Id(5)] string? EmailProblem = null)
{
    /// <summary>
    /// Sensible defaults: their own files by email at once (initiators, officials), what they follow
    /// in a weekly digest on Monday at 8, officials' work at once.
    /// </summary>
    public static NotificationSettings Defaults(IReadOnlySet<HubRole>? roles = null) => new(
        null, "nl",
        new Dictionary<NoticeKind, NoticeChannel>
        {
            [NoticeKind.OwnInitiative] = NoticeChannel.EmailNow,
            [NoticeKind.Answers] = NoticeChannel.EmailNow,
            [NoticeKind.Following] = NoticeChannel.WeeklyDigest,
            [NoticeKind.Work] = roles is not null && (roles.Contains(HubRole.Official) || roles.Contains(HubRole.Coordinator)) ? NoticeChannel.EmailNow : NoticeChannel.Site,
        },
        8, DayOfWeek.Monday);

    public NoticeChannel ChannelFor(NoticeKind kind) => Channels.TryGetValue(kind, out var channel) ? channel : NoticeChannel.Site;

    public bool HasDigest => Channels.Values.Any(c => c is NoticeChannel.DailyDigest or NoticeChannel.WeeklyDigest);

    public static bool IsValidEmail(string email) =>
        email.Length <= 254 && email.IndexOf('@', StringComparison.Ordinal) > 0 && !email.EndsWith('@') && !email.Any(char.IsWhiteSpace);
}
