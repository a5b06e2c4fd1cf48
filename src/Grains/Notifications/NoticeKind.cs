namespace Haarlem.Initiatives.Grains.Notifications;

/// <summary>The kinds of notice a person can set a channel for.</summary>
public enum NoticeKind
{
    /// <summary>Every change on an initiative they started.</summary>
    OwnInitiative,
    /// <summary>The answer to their own question, idea or concern.</summary>
    Answers,
    /// <summary>News from the initiatives and neighbourhoods they follow.</summary>
    Following,
    /// <summary>For officials: new input on their initiatives, handovers to them.</summary>
    Work,
}

/// <summary>How and when a kind of notice reaches the person.</summary>
public enum NoticeChannel
{
    /// <summary>Only on the site (their private items, live and on their page).</summary>
    Site,
    /// <summary>An email at once.</summary>
    EmailNow,
    /// <summary>One email a day, at the chosen hour.</summary>
    DailyDigest,
    /// <summary>One email a week, on the chosen day and hour.</summary>
    WeeklyDigest,
    /// <summary>A letter by post, in the desk's next daily post run (needs a postal address on record).</summary>
    Letter,
    /// <summary>A phone call from the desk (needs a phone number on record).</summary>
    Phone,
}

/// <summary>How one notice actually reaches the person, counted for the council per channel.</summary>
public enum NoticeRoute
{
    /// <summary>Only on the site.</summary>
    Site,
    /// <summary>By email (at once or in a digest).</summary>
    Email,
    /// <summary>By letter.</summary>
    Letter,
    /// <summary>By a phone call.</summary>
    Phone,
}
