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
}
