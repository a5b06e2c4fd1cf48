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

/// <summary>Writes notice emails in plain Dutch (B1) or English: a text part, an HTML part, links, and how to stop them.</summary>
public static class NoticeMail
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    /// <summary>An email about one notice, sent at once.</summary>
    public static OutgoingMail Single(string to, string language, Notice notice, NoticeLinks links, string userId)
    {
        var en = language == "en";
        var subject = en ? $"News about \"{notice.Title}\"" : $"Nieuws over \"{notice.Title}\"";
        var intro = en ? "There is news about an initiative:" : "Er is nieuws over een initiatief:";
        return Compose(to, language, subject, intro, [notice], links, userId, notice.Kind);
    }

    /// <summary>A digest of several notices in one email.</summary>
    public static OutgoingMail Digest(string to, string language, IReadOnlyList<Notice> notices, NoticeLinks links, string userId, bool weekly)
    {
        var en = language == "en";
        var subject = en
            ? $"{(weekly ? "This week" : "Today")} in your neighbourhood: {notices.Count} {(notices.Count == 1 ? "message" : "messages")}"
            : $"{(weekly ? "Deze week" : "Vandaag")} in uw buurt: {notices.Count} {(notices.Count == 1 ? "bericht" : "berichten")}";
        var intro = en ? "This is what happened:" : "Dit is er gebeurd:";
        return Compose(to, language, subject, intro, notices, links, userId, NoticeKind.Following);
    }

    private static OutgoingMail Compose(
        string to, string language, string subject, string intro, IReadOnlyList<Notice> notices, NoticeLinks links, string userId, NoticeKind unsubscribeKind)
    {
        var en = language == "en";
        var culture = en ? English : Dutch;
        var unsubscribe = links.Unsubscribe(userId, unsubscribeKind);
        var stop = en ? "Stop these emails" : "Geen e-mails meer hierover";
        var settings = en ? "Choose what you receive, and how" : "Kies zelf wat u krijgt, en hoe";
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine(intro).AppendLine();
        html.Append(CultureInvariant($"<!DOCTYPE html><html lang=\"{(en ? "en" : "nl")}\"><body><p>{Encode(intro)}</p><ul>"));
        foreach (var notice in notices)
        {
            var when = TimeZoneInfo.ConvertTime(notice.OccurredAt, Amsterdam).ToString(en ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy, HH:mm", culture);
            var link = links.Initiative(notice.InitiativeId);
            text.AppendLine(CultureInvariant($"- {notice.Title} ({when})")).AppendLine(CultureInvariant($"  {notice.Text}")).AppendLine(CultureInvariant($"  {link}"));
            html.Append(CultureInvariant($"<li><p><a href=\"{Encode(link)}\">{Encode(notice.Title)}</a> ({Encode(when)})</p><p>{Encode(notice.Text)}</p></li>"));
        }

        text.AppendLine().AppendLine(CultureInvariant($"{stop}: {unsubscribe}")).AppendLine(CultureInvariant($"{settings}: {links.Settings}"));
        html.Append(CultureInvariant($"</ul><p><a href=\"{Encode(unsubscribe)}\">{Encode(stop)}</a> · <a href=\"{Encode(links.Settings)}\">{Encode(settings)}</a></p></body></html>"));
        return new OutgoingMail(to, subject, text.ToString(), html.ToString(), language, unsubscribe);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);
}
