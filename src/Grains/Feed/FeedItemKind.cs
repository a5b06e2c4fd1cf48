namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>What happened, as a feed item tells it.</summary>
public enum FeedItemKind
{
    /// <summary>A new initiative was submitted in the neighbourhood.</summary>
    InitiativeSubmitted,

    /// <summary>An initiative reached its next step (or was withdrawn).</summary>
    StatusChanged,

    /// <summary>An initiative's current step went past its service norm.</summary>
    StepOverdue,

    /// <summary>An initiative's current step was given more time, with a reason.</summary>
    StepExtended,

    /// <summary>An initiative got a (new) contact official.</summary>
    ContactOfficialChanged,

    /// <summary>The initiative's file changed: a partner, an agreement, a detail of the plan.</summary>
    FileChanged,

    /// <summary>A resident's question, idea or concern was answered.</summary>
    InputAnswered,

    /// <summary>A private message between the initiator and the contact official (never in a public feed).</summary>
    MessageReceived,
}
