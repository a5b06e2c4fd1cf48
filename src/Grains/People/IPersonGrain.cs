namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// One person: their inbox and notice settings, what they follow, and (with the person data index
/// table) the initiatives they started or gave input on, so they can download and erase their
/// data. Key: the user id.
/// </summary>
[Alias("haarlem.person")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>The initiatives the person acted on (the person data index, and what older versions kept in the person's state).</summary>
    [Alias("get-initiatives")]
    Task<IReadOnlyList<Guid>> GetInitiatives();

    /// <summary>Follows (or stops following) a neighbourhood: news from there reaches the person.</summary>
    [Alias("follow-neighbourhood")]
    Task FollowNeighbourhood(string code, bool follow);

    /// <summary>The neighbourhoods the person follows, by code.</summary>
    [Alias("get-followed-neighbourhoods")]
    Task<IReadOnlyList<string>> GetFollowedNeighbourhoods();

    /// <summary>Puts a private event in the person's inbox (once per event id) and tells the relays watching them.</summary>
    [Alias("deliver")]
    Task Deliver(PrivateEntry entry);

    /// <summary>Puts private events in the inbox, each once, with one write.</summary>
    [Alias("deliver-all")]
    Task DeliverAll(IReadOnlyList<PrivateEntry> entries);

    /// <summary>Uses <paramref name="email"/> for notices when the person has not chosen an address (given with a submission).</summary>
    [Alias("offer-email")]
    Task OfferEmail(string email);

    /// <summary>The private items after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    [Alias("get-inbox-after")]
    Task<IReadOnlyList<PrivateItem>> GetInboxAfter(long afterSequence, int max);

    /// <summary>The newest private items, oldest first, at most <paramref name="count"/> (up to <see cref="PersonGrain.InboxSize"/>).</summary>
    [Alias("get-latest-inbox")]
    Task<IReadOnlyList<PrivateItem>> GetLatestInbox(int count);

    /// <summary>Subscribes (or renews) a relay; returns the inbox's last sequence number.</summary>
    [Alias("subscribe-inbox")]
    Task<long> Subscribe(IInboxObserver observer);

    [Alias("unsubscribe-inbox")]
    Task Unsubscribe(IInboxObserver observer);

    /// <summary>
    /// What the sign-in says about the person: their roles (for sensible defaults) and an e-mail
    /// address, used when they have not chosen one themselves.
    /// </summary>
    [Alias("update-profile")]
    Task UpdateProfile(string? email, IReadOnlySet<Access.HubRole> roles);

    /// <summary>The person's notice settings (the defaults for <paramref name="roles"/> until they choose).</summary>
    [Alias("get-settings")]
    Task<Notifications.NotificationSettings> GetSettings(IReadOnlySet<Access.HubRole>? roles);

    /// <summary>Stores the person's choices; returns what to fix, or nothing.</summary>
    [Alias("set-settings")]
    Task<IReadOnlyList<Common.UserError>> SetSettings(Notifications.NotificationSettings settings);

    /// <summary>Stops emails of one kind (the one-click unsubscribe link): it stays on the site.</summary>
    [Alias("unsubscribe-kind")]
    Task Unsubscribe(Notifications.NoticeKind kind);

    /// <summary>Sends the mail that is due at once; what fails for now is tried again.</summary>
    [Alias("send-pending-mail")]
    Task SendPendingMail();

    /// <summary>Sends the daily or weekly digest when one is due at <paramref name="now"/> (the hourly reminder calls this with the clock's time).</summary>
    [Alias("run-digest")]
    Task RunDigest(DateTimeOffset now);

    /// <summary>
    /// Sets (or with null removes) the area around the person's home they follow: new initiatives
    /// and changes with a place within the radius reach them as news they follow. Returns what to
    /// fix (a point outside the municipality, a radius not offered), or nothing.
    /// </summary>
    [Alias("set-home")]
    Task<IReadOnlyList<Common.UserError>> SetHome(Geo.HomeArea? home);

    /// <summary>The person's home area, or null.</summary>
    [Alias("get-home")]
    Task<Geo.HomeArea?> GetHome();

    /// <summary>Erases the person from every initiative they acted on, then the index itself.</summary>
    [Alias("forget")]
    Task Forget();

    /// <summary>
    /// Registers a resident at the desk (this grain's key is a new <c>balie-…</c> id): name, address,
    /// phone and/or email, language, and (when given) their consent for the desk to act for them;
    /// issues their take-over code. Returns what to fix, or nothing. Registering again is refused.
    /// </summary>
    [Alias("register")]
    Task<IReadOnlyList<Common.UserError>> Register(Desk.ResidentRegistration registration, Desk.Assistance desk);

    /// <summary>The resident as the desk sees them; null when the desk never registered them.</summary>
    [Alias("get-record")]
    Task<Desk.ResidentRecord?> GetRecord();

    /// <summary>Records the resident's consent for the desk to act for them.</summary>
    [Alias("record-consent")]
    Task RecordConsent(Desk.Assistance desk);

    /// <summary>A new take-over code (the old one stops working), valid for a year; null for a record taken over already.</summary>
    [Alias("renew-take-over-code")]
    Task<string?> RenewTakeOverCode();

    /// <summary>Marks the record taken over by the person who signed in with DigiD (called once the code was used).</summary>
    [Alias("taken-over")]
    Task TakenOver(DateTimeOffset at);

    /// <summary>Takes in what another account of the same person held: followed neighbourhoods, notices and their settings where this one has none.</summary>
    [Alias("merge-from")]
    Task MergeFrom(string otherUserId);

    /// <summary>The person's postal address and phone number, for letters and calls (given by them or by the desk).</summary>
    [Alias("set-contact")]
    Task<IReadOnlyList<Common.UserError>> SetContact(string? name, string? street, string? houseNumber, string? postcode, string? town, string? phone);

    /// <summary>The language the person chose, kept for their emails and letters ("nl", "en", "ar", "tr", "pl", "uk").</summary>
    [Alias("set-language")]
    Task SetLanguage(string language);
}
