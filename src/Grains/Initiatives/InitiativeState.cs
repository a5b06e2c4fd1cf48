using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Grains.Ratings;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The stored state of an initiative grain (JSON). <see cref="SchemaVersion"/> marks its shape.</summary>
public sealed class InitiativeState
{
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public InitiativeDetails? Details { get; set; }

    /// <summary>Who started it (private); null for initiatives stored before sign-in existed, and after the initiator's account was deleted.</summary>
    public Initiator? Initiator { get; set; }

    /// <summary>Every step reached, oldest first (the first is the submission).</summary>
    public List<TimelineStep> History { get; set; } = [];

    /// <summary>The decision, once the initiative reached that step.</summary>
    public DecisionOutcome? Outcome { get; set; }

    /// <summary>The contact official, once a coordinator assigned one.</summary>
    public ContactOfficial? Contact { get; set; }

    /// <summary>Every change of contact official, oldest first.</summary>
    public List<Handover> Handovers { get; set; } = [];

    /// <summary>The people who follow the initiative (user ids; private).</summary>
    public HashSet<string> Followers { get; set; } = [];

    /// <summary>How many texts for residents (status texts, extension reasons, answers) were published, and how many of them with plain-language hints left.</summary>
    public int TextsPublished { get; set; }

    public int TextsPublishedWithHints { get; set; }

    /// <summary>Each text published for residents, dated (since the index existed; the counters above hold older ones too).</summary>
    public List<Index.PublishedText> PublishedTexts { get; set; } = [];

    /// <summary>Goes up with every write: the neighbourhood's index keeps the newest summary it was sent.</summary>
    public long Revision { get; set; }

    /// <summary>The revision the neighbourhood's index confirmed; lower than <see cref="Revision"/> means a summary is still to be sent.</summary>
    public long IndexedRevision { get; set; }

    /// <summary>The residents who support the initiative (each once).</summary>
    public HashSet<string> Supporters { get; set; } = [];

    /// <summary>When and through which channel each support was given (no person: a council figure). Support from before it was kept is not in it.</summary>
    public List<Index.InputFigure> SupportGiven { get; set; } = [];

    public List<ResidentInput> Input { get; set; } = [];

    public List<ServiceRating> Ratings { get; set; } = [];

    public List<Partner> Partners { get; set; } = [];

    public List<Agreement> Agreements { get; set; } = [];

    /// <summary>Every change to the file, oldest first: what, before and after, who, when, why.</summary>
    public List<ChangeLogEntry> ChangeLog { get; set; } = [];

    /// <summary>Every extension given, oldest first.</summary>
    public List<StepExtension> Extensions { get; set; } = [];

    /// <summary>Whether residents were told that the current step is past its norm.</summary>
    public bool OverdueAnnounced { get; set; }

    /// <summary>Open agreements whose initiator and contact official were told the due day is near.</summary>
    public HashSet<int> AgreementsWarned { get; set; } = [];

    /// <summary>Open agreements whose due day passed, and that was told.</summary>
    public HashSet<int> AgreementsLate { get; set; } = [];

    /// <summary>Whether the current step is on the Bestuur op Maat agenda.</summary>
    public bool Escalated { get; set; }

    /// <summary>Private messages between the initiator and the municipality, oldest first.</summary>
    public List<InitiativeMessage> Messages { get; set; } = [];

    /// <summary>Every public event of this initiative, oldest first (numbers 1, 2, ...); since schema 2 only.</summary>
    public List<FeedEntry> Events { get; set; } = [];

    /// <summary>For published events: their sequence number in the neighbourhood's feed.</summary>
    public Dictionary<int, long> Sequences { get; set; } = [];

    /// <summary>How many events this initiative has produced; the next one gets the next number.</summary>
    public int EventCount { get; set; }

    /// <summary>
    /// The outbox. Feed entries stored with the change that caused them. After the neighbourhood confirms them
    /// they are dropped in memory, and from storage with the next write; an entry still stored is
    /// sent again on the next activation, and the neighbourhood appends each event number once per
    /// initiative, so every stored change reaches the feed exactly once. (Version 1 stored the
    /// same list, always emptied after publishing, so it needs no migration.)
    /// </summary>
    public List<FeedEntry> Outbox { get; set; } = [];

    /// <summary>Public events of an initiative with a place, until the residents living around it heard (by the homes registry, each person once per event).</summary>
    public List<NearbyNotice> NearbyOutbox { get; set; } = [];

    /// <summary>Private events stored with the change that caused them, until the person's inbox took them (as <see cref="Outbox"/>).</summary>
    public List<People.PrivateEntry> PrivateOutbox { get; set; } = [];

    /// <summary>Audit lines of the changes stored, until the audit trail took them (each has a change key: the trail keeps it once).</summary>
    public List<Audit.AuditEntry> AuditOutbox { get; set; } = [];

    /// <summary>People to note in the person data index (the initiatives they acted on), until the index took them.</summary>
    public List<string> PeopleOutbox { get; set; } = [];

    /// <summary>Officials whose work queue is to be brought in line with this initiative (the contact official, and the one handed over from).</summary>
    public List<string> WorkQueueOutbox { get; set; } = [];

    /// <summary>Whether the Bestuur op Maat agenda is still to be brought in line with <see cref="Escalated"/>.</summary>
    public bool AgendaToSync { get; set; }

    /// <summary>The initiative's line on the Bestuur op Maat agenda while it is escalated.</summary>
    public Neighbourhoods.AgendaItem? AgendaItem { get; set; }

    /// <summary>The contact address given with the submission, still to be offered to the initiator's notice settings.</summary>
    public string? EmailToOffer { get; set; }
}

/// <summary>A public event to tell the residents living around <paramref name="Point"/> (the initiative's place when it happened).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.nearby-notice")]
public sealed record NearbyNotice(
    [property: Id(0)] FeedEntry Entry,
    [property: Id(1)] Geo.GeoPoint Point);
