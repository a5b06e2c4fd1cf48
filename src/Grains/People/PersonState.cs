namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// The stored state of a person grain (JSON). Since schema version 2 the inbox is kept as rows
/// (<see cref="IInboxRows"/>); <see cref="Inbox"/> and <see cref="LastSequence"/> are what version
/// 1 kept here, read once to move them into rows.
/// </summary>
public sealed class PersonState
{
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<Guid> Initiatives { get; set; } = [];

    public List<string> Neighbourhoods { get; set; } = [];

    /// <summary>Version 1: the latest private items (at most <see cref="PersonGrain.InboxSize"/>), oldest first.</summary>
    public List<PrivateItem> Inbox { get; set; } = [];

    /// <summary>Version 1: the number of the newest private item.</summary>
    public long LastSequence { get; set; }

    /// <summary>The roles the last sign-in gave (for the default settings).</summary>
    public HashSet<Access.HubRole> Roles { get; set; } = [];

    /// <summary>The person's choices; null means the defaults.</summary>
    public Notifications.NotificationSettings? Settings { get; set; }

    /// <summary>Inbox items up to this number have been mailed at once (or needed no mail).</summary>
    public long MailedThrough { get; set; }

    /// <summary>Per digest channel: inbox items up to this number went into a digest.</summary>
    public Dictionary<Notifications.NoticeChannel, long> DigestedThrough { get; set; } = [];

    /// <summary>Per digest channel: when its last digest was due.</summary>
    public Dictionary<Notifications.NoticeChannel, DateTimeOffset> LastDigest { get; set; } = [];

    /// <summary>Per followed neighbourhood: the last feed sequence already told in a digest.</summary>
    public Dictionary<string, long> NeighbourhoodSeen { get; set; } = [];

    /// <summary>Whether the retry reminder is registered (mail is waiting).</summary>
    public bool RetryReminder { get; set; }

    /// <summary>
    /// Name, postal address and phone number: registered by the desk for a resident without DigiD,
    /// or given by the person for letters and calls. Null when unknown.
    /// </summary>
    public Desk.ResidentProfile? Profile { get; set; }

    /// <summary>The resident's consent for the desk to act for them, when recorded.</summary>
    public Desk.ResidentConsent? Consent { get; set; }

    /// <summary>The one-time code, printed in letters, to take a desk record over after signing in with DigiD.</summary>
    public string? TakeOverCode { get; set; }

    public DateTimeOffset? TakeOverExpires { get; set; }

    /// <summary>When the resident took this record over with DigiD.</summary>
    public DateTimeOffset? TakenOver { get; set; }
}
