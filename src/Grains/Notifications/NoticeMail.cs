using System.Net;
using System.Text;
using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Notifications;

/// <summary>One thing to tell a person in an email.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.notice")]
public sealed record Notice(
    [property: Id(0)] NoticeKind Kind,
    [property: Id(1)] FeedItemKind Event,
    [property: Id(2)] Guid InitiativeId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset OccurredAt);

/// <summary>
/// Writes notice emails in the person's language (plain Dutch (B1), English, Arabic, Turkish,
/// Polish or Ukrainian): a text part, an HTML part (right to left for Arabic), links, and how to
/// stop them. The emails' own words are in the resource files MailTexts.resx (Dutch) and
/// MailTexts.{language}.resx; the notices' titles and texts are as the hub wrote them.
/// </summary>
public static class NoticeMail
{
    private static readonly System.Resources.ResourceManager Texts = new("Haarlem.Initiatives.Grains.Notifications.MailTexts", typeof(NoticeMail).Assembly);

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>An email about one notice, sent at once.</summary>
    public static OutgoingMail Single(string to, string language, Notice notice, NoticeLinks links, string userId)
    {
        var subject = Text(language, "Subject.Single", notice.Title);
        return Compose(to, language, subject, Text(language, "Intro.Single"), [notice], links, userId, notice.Kind);
    }

    /// <summary>A digest of several notices in one email.</summary>
    public static OutgoingMail Digest(string to, string language, IReadOnlyList<Notice> notices, NoticeLinks links, string userId, bool weekly)
    {
        var subject = Text(language, $"Subject.{(weekly ? "Weekly" : "Daily")}.{(notices.Count == 1 ? "One" : "Many")}", notices.Count);
        return Compose(to, language, subject, Text(language, "Intro.Digest"), notices, links, userId, NoticeKind.Following);
    }

    private static OutgoingMail Compose(
        string to, string language, string subject, string intro, IReadOnlyList<Notice> notices, NoticeLinks links, string userId, NoticeKind unsubscribeKind)
    {
        var code = Common.HubLanguages.IsSupported(language) ? language : Common.HubLanguages.Dutch;
        var culture = Common.HubLanguages.Culture(code);
        var direction = Common.HubLanguages.IsRightToLeft(code) ? "rtl" : "ltr";
        var unsubscribe = links.Unsubscribe(userId, unsubscribeKind);
        var stop = Text(language, "Stop");
        var settings = Text(language, "Settings");
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine(intro).AppendLine();
        html.Append(CultureInvariant($"<!DOCTYPE html><html lang=\"{code}\" dir=\"{direction}\"><body><p>{Encode(intro)}</p><ul>"));
        foreach (var notice in notices)
        {
            var when = TimeZoneInfo.ConvertTime(notice.OccurredAt, Amsterdam).ToString("d MMMM yyyy, HH:mm", culture);
            var link = links.Initiative(notice.InitiativeId);
            text.AppendLine(CultureInvariant($"- {notice.Title} ({when})")).AppendLine(CultureInvariant($"  {notice.Text}")).AppendLine(CultureInvariant($"  {link}"));
            html.Append(CultureInvariant($"<li><p><a href=\"{Encode(link)}\">{Encode(notice.Title)}</a> ({Encode(when)})</p><p>{Encode(notice.Text)}</p></li>"));
        }

        text.AppendLine().AppendLine(CultureInvariant($"{stop}: {unsubscribe}")).AppendLine(CultureInvariant($"{settings}: {links.Settings}"));
        html.Append(CultureInvariant($"</ul><p><a href=\"{Encode(unsubscribe)}\">{Encode(stop)}</a> · <a href=\"{Encode(links.Settings)}\">{Encode(settings)}</a></p></body></html>"));
        return new OutgoingMail(to, subject, text.ToString(), html.ToString(), language, unsubscribe);
    }

    /// <summary>A text of the email in the person's language (Dutch if the hub does not speak it).</summary>
    private static string Text(string language, string key, params object[] values)
    {
        var culture = Common.HubLanguages.Culture(Common.HubLanguages.IsSupported(language) ? language : Common.HubLanguages.Dutch);
        var text = Texts.GetString(key, culture) ?? throw new InvalidOperationException($"The mail text '{key}' is missing.");
        return values.Length == 0 ? text : string.Format(culture, text, values);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);
}
