namespace Haarlem.Initiatives.Grains.People;

/// <summary>The stored state of a person grain (JSON).</summary>
public sealed class PersonState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<Guid> Initiatives { get; set; } = [];

    public List<string> Neighbourhoods { get; set; } = [];

    /// <summary>The latest private items (at most <see cref="PersonGrain.InboxSize"/>), oldest first.</summary>
    public List<PrivateItem> Inbox { get; set; } = [];

    public long LastSequence { get; set; }
}
