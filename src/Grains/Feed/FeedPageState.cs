namespace Haarlem.Initiatives.Grains.Feed;

public sealed class FeedPageState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public List<FeedItem> Items { get; set; } = [];
}
