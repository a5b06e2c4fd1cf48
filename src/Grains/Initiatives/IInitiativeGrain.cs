namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The whole file of one initiative. Key: the initiative's id.</summary>
[Alias("haarlem.initiative")]
public interface IInitiativeGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts the initiative for <paramref name="initiator"/>; it is stored and announced in its
    /// neighbourhood's feed, or rejected with reasons.
    /// </summary>
    [Alias("submit")]
    Task<SubmitResult> Submit(SubmitInitiative submission, Access.Actor initiator);

    /// <summary>Who started it and who looks after it: what the access rules need; null when no initiative has this id.</summary>
    [Alias("get-access")]
    Task<Access.InitiativeAccess?> GetAccess();

    /// <summary>The initiator with their contact details (private); null when unknown.</summary>
    [Alias("get-initiator")]
    Task<Initiator?> GetInitiator();

    /// <summary>
    /// Erases what ties <paramref name="userId"/> to this initiative (their account was deleted):
    /// as initiator their name and contact details; their input, support and ratings stay, from
    /// "a resident" that nobody can trace back.
    /// </summary>
    [Alias("forget-person")]
    Task ForgetPerson(string userId);

    /// <summary>
    /// Makes everything <paramref name="fromUserId"/> did on this initiative <paramref name="toUserId"/>'s
    /// (a resident took over their desk record with DigiD: one person, one history). The caller's
    /// stamp puts the new person in the data index.
    /// </summary>
    [Alias("transfer-person")]
    Task TransferPerson(string fromUserId, string toUserId);

    /// <summary>What this initiative holds about <paramref name="userId"/>, for their data download.</summary>
    [Alias("get-person-data")]
    Task<People.PersonInitiativeData?> GetPersonData(string userId);

    /// <summary>The public timeline: steps passed with dates, steps ahead with expected dates; null when no initiative has this id.</summary>
    [Alias("get-timeline")]
    Task<Lifecycle.InitiativeTimeline?> GetTimeline();

    /// <summary>
    /// Moves the initiative to its next step (or withdraws it), with a plain-language explanation
    /// for residents that names what comes next; checked against the lifecycle and the
    /// plain-language rules. <paramref name="actor"/> is the name shown on the timeline.
    /// </summary>
    [Alias("change-status")]
    Task<Lifecycle.InitiativeChangeResult> ChangeStatus(Lifecycle.StatusChangeRequest request, string actor);

    /// <summary>
    /// Gives the current step a later date (verlenging), with a reason that is published in the
    /// feed and kept on the timeline. The date must be later than the current expected date.
    /// </summary>
    [Alias("extend-step")]
    Task<Lifecycle.InitiativeChangeResult> ExtendStep(Lifecycle.ExtendStepRequest request, string actor);

    /// <summary>
    /// Checks the current step against its norm: past it, the step is announced as overdue (once);
    /// past the escalation period as well, the initiative goes on the Bestuur op Maat agenda.
    /// </summary>
    [Alias("check-deadline")]
    Task CheckDeadline();

    /// <summary>
    /// Puts the initiative on the Bestuur op Maat agenda by hand, with a reason (the contact official
    /// or a coordinator), before the deadline would put it there; coordinators hear of it.
    /// </summary>
    [Alias("escalate")]
    Task<Lifecycle.InitiativeChangeResult> Escalate(string reason, string actor);

    /// <summary>Whether the initiative is on the Bestuur op Maat agenda, from its own state (the agenda itself follows shortly after).</summary>
    [Alias("is-on-agenda")]
    Task<bool> IsOnAgenda();

    /// <summary>
    /// Delivers whatever this initiative stored and its targets have not confirmed (feed, index,
    /// inboxes, work queues, agenda, audit trail, person index) and returns once it is delivered;
    /// fails when a target cannot take it yet (it is offered again shortly). Changes are
    /// delivered by themselves: this is for the delivery sweeper after a crash, and for tests.
    /// </summary>
    [Alias("deliver-outbox")]
    Task DeliverOutbox();

    /// <summary>Sends the initiative's summary to its neighbourhood's index again (for an index that is new).</summary>
    [Alias("report-to-index")]
    Task ReportToIndex();

    /// <summary>
    /// Makes the official the initiative's one contact official (a handover when another had it):
    /// logged, announced in the feed, and put in the official's work queue.
    /// </summary>
    [Alias("assign-contact-official")]
    Task<Lifecycle.InitiativeChangeResult> AssignContactOfficial(Officials.ContactOfficial official, string actor, string? reason);

    /// <summary>The contact official and the handovers; null when no initiative has this id.</summary>
    [Alias("get-contact")]
    Task<Officials.InitiativeContact?> GetContact();

    /// <summary>Adds a partner; after the decision with a reason.</summary>
    [Alias("add-partner")]
    Task<Lifecycle.InitiativeChangeResult> AddPartner(Partners.Partner partner, string actor, string? reason = null);

    /// <summary>
    /// Changes the title, summary, plan or conditions: each change in the change log with before
    /// and after, announced in the feed; after the decision only with a reason.
    /// </summary>
    [Alias("update")]
    Task<Lifecycle.InitiativeChangeResult> UpdateInitiative(InitiativeUpdate update, string actor);

    /// <summary>
    /// Sets (or with null removes) the initiative's place: within the municipality (and, when
    /// boundaries are loaded, within its neighbourhood); in the change log and the feed; after the
    /// decision only with a reason. The residents around the place hear of it.
    /// </summary>
    [Alias("set-location")]
    Task<Lifecycle.InitiativeChangeResult> SetLocation(Geo.GeoPoint? location, string actor, string? reason);

    /// <summary>Adds a follower (idempotent); followers hear of every change (notifications).</summary>
    [Alias("follow")]
    Task<Lifecycle.InitiativeChangeResult> Follow(string userId);

    [Alias("unfollow")]
    Task<Lifecycle.InitiativeChangeResult> Unfollow(string userId);

    /// <summary>How many people follow the initiative; 0 when there is none.</summary>
    [Alias("get-follower-count")]
    Task<int> GetFollowerCount();

    [Alias("remove-partner")]
    Task<Lifecycle.InitiativeChangeResult> RemovePartner(string name, string actor, string? reason);

    [Alias("record-agreement")]
    Task<Lifecycle.InitiativeChangeResult> RecordAgreement(string who, string what, DateOnly due, string actor);

    /// <summary>Marks agreement <paramref name="number"/> kept or missed; a missed one shows on the initiative and in the feed.</summary>
    [Alias("mark-agreement")]
    Task<Lifecycle.InitiativeChangeResult> MarkAgreement(int number, bool kept, string actor);

    /// <summary>
    /// A resident's support (counted once per resident) or question, idea or concern (answered
    /// within the norm of <see cref="Input.InputRules.AnswerNormWorkingDays"/> working days).
    /// </summary>
    [Alias("give-input")]
    Task<Lifecycle.InitiativeChangeResult> GiveInput(string residentId, Input.InputKind kind, string? text);

    /// <summary>Answers input with what was done with it; checked for plain language.</summary>
    [Alias("answer-input")]
    Task<Lifecycle.InitiativeChangeResult> AnswerInput(int number, string text, Input.InputOutcome outcome, string? reason, string actor, bool publishAnyway);

    /// <summary>The support count and the input with its answers; null when no initiative has this id.</summary>
    [Alias("get-input")]
    Task<Input.InitiativeInput?> GetInput();

    /// <summary>
    /// Rates the service at a milestone the initiative has reached: the initiator, or a resident
    /// who gave input; once per person per milestone.
    /// </summary>
    [Alias("rate")]
    Task<Lifecycle.InitiativeChangeResult> Rate(string raterId, bool isInitiator, Ratings.Milestone milestone, int mark, Ratings.KanoScores kano, string? comment);

    [Alias("get-ratings")]
    Task<IReadOnlyList<Ratings.ServiceRating>?> GetRatings();

    /// <summary>Partners, agreements and the change log; null when no initiative has this id.</summary>
    [Alias("get-file")]
    Task<Partners.InitiativeFile?> GetFile();

    /// <summary>
    /// The initiative's public events after event number <paramref name="afterEventNumber"/>, oldest
    /// first, at most <paramref name="max"/>; null when no initiative has this id. The sequence of an
    /// item is its number in the neighbourhood's feed, 0 while not yet known.
    /// </summary>
    [Alias("get-events-after")]
    Task<IReadOnlyList<Feed.FeedItem>?> GetEventsAfter(int afterEventNumber, int max);

    /// <summary>
    /// A private message: from the initiator to the contact official, or from the municipality
    /// (the contact official or a coordinator) to the initiator, who hears of it by their channel.
    /// </summary>
    [Alias("send-message")]
    Task<Lifecycle.InitiativeChangeResult> SendMessage(string text, string fromName, bool fromInitiator);

    /// <summary>The private messages, oldest first; null when no initiative has this id.</summary>
    [Alias("get-messages")]
    Task<IReadOnlyList<InitiativeMessage>?> GetMessages();

    /// <summary>The public facts, or null when no initiative has this id.</summary>
    [Alias("get-details")]
    Task<InitiativeDetails?> GetDetails();
}
