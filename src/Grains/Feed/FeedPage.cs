namespace Haarlem.Initiatives.Grains.Feed;

/// <summary>
/// Feed items are kept in pages of <see cref="Size"/>: page p holds sequences p*Size+1 to
/// (p+1)*Size. The newest, unfinished page lives in the neighbourhood grain; full pages are
/// stored once in their own grain and never change, so a neighbourhood's state stays small.
/// </summary>
public static class FeedPage
{
    public const int Size = 50;

    /// <summary>The page that holds a sequence number (1-based sequences, 0-based pages).</summary>
    public static long Of(long sequence) => (sequence - 1) / Size;

    public static string Key(string neighbourhoodCode, long page) => $"{neighbourhoodCode}/{page}";
}
