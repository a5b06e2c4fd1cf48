namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>A feed item could not be stored now; the publisher offers it again.</summary>
[GenerateSerializer, Alias("haarlem.feed-write-exception")]
public sealed class FeedWriteException : Exception
{
    public FeedWriteException()
    {
    }

    public FeedWriteException(string message)
        : base(message)
    {
    }

    public FeedWriteException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public static FeedWriteException Conflict(string neighbourhoodCode, Exception inner) =>
        new($"The feed of {neighbourhoodCode} changed at the same moment; the item was not stored.", inner);
}
