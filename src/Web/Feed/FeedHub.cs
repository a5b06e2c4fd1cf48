using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Microsoft.AspNetCore.SignalR;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>
/// The live feed. A client calls <see cref="SubscribeToNeighbourhood"/> with the last sequence
/// number it saw (0 for none), gets what it missed, then receives each new item as a
/// <c>feedItem</c> message. docs/realtime.md describes the protocol.
/// </summary>
public sealed class FeedHub(IGrainFactory grains, FeedRelay relay) : Hub
{
    public const string Path = "/hubs/feed";
    public const string FeedItemMessage = "feedItem";

    /// <summary>The most items one catch-up returns; a client that missed more asks again from the last one.</summary>
    public const int MaxCatchUp = NeighbourhoodGrain.MaxRead;

    public static string NeighbourhoodGroup(string code) => $"neighbourhood:{code}";

    public async Task<IReadOnlyList<FeedItem>> SubscribeToNeighbourhood(string code, long afterSequence)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > InitiativeRules.NeighbourhoodCodeMaxLength)
        {
            throw new HubException("code: give the code of a known neighbourhood.");
        }

        if (afterSequence < 0)
        {
            throw new HubException("afterSequence: must be 0 or more.");
        }

        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(code);
        if (await neighbourhood.GetInfo() is null)
        {
            throw new HubException($"code: '{code}' is not a known neighbourhood.");
        }

        if (Watched().Add(code))
        {
            // Subscribe before reading: an item appended in between is both pushed and returned
            // (the client drops the one it has), never missed.
            await relay.Watch(code);
            await Groups.AddToGroupAsync(Context.ConnectionId, NeighbourhoodGroup(code));
        }

        return await neighbourhood.GetAfter(afterSequence, MaxCatchUp);
    }

    public async Task UnsubscribeFromNeighbourhood(string code)
    {
        if (Watched().Remove(code))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, NeighbourhoodGroup(code));
            relay.Release(code);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var code in Watched())
        {
            relay.Release(code);
        }

        return base.OnDisconnectedAsync(exception);
    }

    private HashSet<string> Watched()
    {
        if (Context.Items.TryGetValue(nameof(Watched), out var value) && value is HashSet<string> codes)
        {
            return codes;
        }

        codes = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[nameof(Watched)] = codes;
        return codes;
    }
}
