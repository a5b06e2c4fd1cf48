using Haarlem.Initiatives.Grains.Feed;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The stored state of an initiative grain (JSON). <see cref="SchemaVersion"/> marks its shape.</summary>
public sealed class InitiativeState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public InitiativeDetails? Details { get; set; }

    /// <summary>
    /// Feed entries stored with the change that caused them and not yet confirmed by the
    /// neighbourhood. They are sent again on the next activation, and the neighbourhood appends each
    /// event id once, so every stored change reaches the feed exactly once.
    /// </summary>
    public List<FeedEntry> Outbox { get; set; } = [];
}
