using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using Haarlem.Initiatives.Grains.Index;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>Opaque cursors for connections: base64url text that clients pass back unchanged.</summary>
public static class Cursors
{
    public static string ForInitiative(InitiativeListKey key) =>
        Encode($"i:{key.SubmittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{key.Id:N}");

    public static string ForNear(InitiativeNearKey key) =>
        Encode($"n:{key.DistanceMetres.ToString("R", CultureInfo.InvariantCulture)}:{key.Id:N}");

    /// <summary>The place a cursor of a list by distance marks.</summary>
    public static InitiativeNearKey? NearAfter(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("after") is not { } after)
        {
            return null;
        }

        return Decode(after)?.Split(':') is ["n", var metres, var id] &&
               double.TryParse(metres, NumberStyles.Float, CultureInfo.InvariantCulture, out var distance) && double.IsFinite(distance) &&
               Guid.TryParseExact(id, "N", out var guid)
            ? new InitiativeNearKey(distance, guid)
            : throw Invalid();
    }

    public static string ForFeedItem(long sequence) => Encode($"f:{sequence.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The place an initiative cursor marks; a field error naming the argument when it is not one.</summary>
    public static InitiativeListKey? InitiativeAfter(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("after") is not { } after)
        {
            return null;
        }

        var parts = Decode(after)?.Split(':');
        return parts is ["i", var ticks, var id] &&
               long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) &&
               utcTicks <= DateTimeOffset.MaxValue.UtcTicks &&
               Guid.TryParseExact(id, "N", out var guid)
            ? new InitiativeListKey(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid)
            : throw Invalid();
    }

    /// <summary>The feed sequence a feed cursor marks.</summary>
    public static long? FeedAfter(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("after") is not { } after)
        {
            return null;
        }

        return Decode(after)?.Split(':') is ["f", var text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw Invalid();
    }

    private static ExecutionError Invalid() =>
        new("The argument 'after' is not a cursor of this list: pass an 'endCursor' or 'cursor' this list returned.") { Code = "INVALID_ARGUMENT" };

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
