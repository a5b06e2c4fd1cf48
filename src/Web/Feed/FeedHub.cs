using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.SignalR;

namespace Haarlem.Initiatives.Web.Feed;

/// <summary>
/// The live feed. A client subscribes to a neighbourhood or an initiative with the last number it
/// saw (0 for none), gets what it missed, then receives each new item as a <c>feedItem</c>
/// message; a signed-in client also subscribes to its own private items (<c>privateItem</c>).
/// docs/realtime.md describes the protocol.
/// </summary>
public sealed class FeedHub(IGrainFactory grains, FeedRelay relay, FeedConnections connections, HubAuthorization authorization) : Hub
{
    public const string Path = "/hubs/feed";
    public const string FeedItemMessage = "feedItem";
    public const string PrivateItemMessage = "privateItem";

    /// <summary>The most items one catch-up returns; a client that missed more asks again from the last one.</summary>
    public const int MaxCatchUp = NeighbourhoodGrain.MaxRead;

    public static string NeighbourhoodGroup(string code) => $"neighbourhood:{code}";

    public static string InitiativeGroup(Guid id) => $"initiative:{id:N}";

    public static string UserGroup(string userId) => $"user:{userId}";

    public async Task<IReadOnlyList<FeedItem>> SubscribeToNeighbourhood(string code, long afterSequence)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > InitiativeRules.NeighbourhoodCodeMaxLength)
        {
            throw new HubException("code: give the code of a known neighbourhood.");
        }

        CheckAfter(afterSequence);
        var neighbourhood = grains.GetGrain<INeighbourhoodGrain>(code);
        if (await neighbourhood.GetInfo() is null)
        {
            throw new HubException($"code: '{code}' is not a known neighbourhood.");
        }

        if (State().Neighbourhoods.Add(code))
        {
            // Subscribe before reading: an item appended in between is both pushed and returned
            // (the client drops the one it has), never missed.
            await relay.Watch(code);
            connections.Add(code, Context.ConnectionId);
            await Groups.AddToGroupAsync(Context.ConnectionId, NeighbourhoodGroup(code));
        }

        return await neighbourhood.GetAfter(afterSequence, MaxCatchUp);
    }

    public async Task UnsubscribeFromNeighbourhood(string code)
    {
        if (State().Neighbourhoods.Remove(code))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, NeighbourhoodGroup(code));
            connections.Remove(code, Context.ConnectionId);
            relay.Release(code);
        }
    }

    /// <summary>
    /// One initiative's items. <paramref name="afterEventNumber"/> is the initiative's own event
    /// number (<c>eventNumber</c> of the last item seen; 0 for all).
    /// </summary>
    public async Task<IReadOnlyList<FeedItem>> SubscribeToInitiative(string initiativeId, long afterEventNumber)
    {
        if (!Guid.TryParse(initiativeId, out var id))
        {
            throw new HubException("initiativeId: give the id of an initiative.");
        }

        CheckAfter(afterEventNumber);
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        if (await initiative.GetDetails() is not { } details)
        {
            throw new HubException($"initiativeId: there is no initiative '{initiativeId}'.");
        }

        if (State().Initiatives.TryAdd(id, details.NeighbourhoodCode))
        {
            await relay.Watch(details.NeighbourhoodCode);
            await Groups.AddToGroupAsync(Context.ConnectionId, InitiativeGroup(id));
        }

        var after = (int)Math.Min(afterEventNumber, int.MaxValue);
        return await initiative.GetEventsAfter(after, MaxCatchUp) ?? [];
    }

    public async Task UnsubscribeFromInitiative(string initiativeId)
    {
        if (Guid.TryParse(initiativeId, out var id) && State().Initiatives.Remove(id, out var code))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, InitiativeGroup(id));
            relay.Release(code);
        }
    }

    /// <summary>
    /// The signed-in person's own private items after <paramref name="afterSequence"/>, then each new
    /// one as a <c>privateItem</c> message. Only ever one's own: the id comes from the sign-in.
    /// </summary>
    public async Task<IReadOnlyList<PrivateItem>> SubscribeToPrivate(long afterSequence)
    {
        // The same rules as everywhere: one's own data, and only when signed in.
        if (HubClaims.ToActor(Context.User) is not { } actor ||
            await authorization.Check(Context.User!, HubAction.ManageOwnData) is not null)
        {
            throw new HubException("Sign in first: private items are only for the person they are meant for.");
        }

        CheckAfter(afterSequence);
        if (State().UserId is null)
        {
            await relay.WatchUser(actor.UserId);
            State().UserId = actor.UserId;
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(actor.UserId));
        }

        return await grains.GetGrain<IPersonGrain>(actor.UserId).GetInboxAfter(afterSequence, MaxCatchUp);
    }

    public async Task UnsubscribeFromPrivate()
    {
        if (State().UserId is { } userId)
        {
            State().UserId = null;
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, UserGroup(userId));
            relay.ReleaseUser(userId);
        }
    }

    public override Task OnConnectedAsync()
    {
        connections.Connected(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Disconnected(Context);
        var state = State();
        foreach (var code in state.Neighbourhoods)
        {
            connections.Remove(code, Context.ConnectionId);
            relay.Release(code);
        }

        foreach (var code in state.Initiatives.Values)
        {
            relay.Release(code);
        }

        if (state.UserId is { } userId)
        {
            relay.ReleaseUser(userId);
        }

        return base.OnDisconnectedAsync(exception);
    }

    private static void CheckAfter(long after)
    {
        if (after < 0)
        {
            throw new HubException("afterSequence: must be 0 or more.");
        }
    }

    private ConnectionState State()
    {
        if (Context.Items.TryGetValue(nameof(ConnectionState), out var value) && value is ConnectionState state)
        {
            return state;
        }

        state = new ConnectionState();
        Context.Items[nameof(ConnectionState)] = state;
        return state;
    }

    /// <summary>What one connection watches.</summary>
    private sealed class ConnectionState
    {
        public HashSet<string> Neighbourhoods { get; } = new(StringComparer.Ordinal);

        public Dictionary<Guid, string> Initiatives { get; } = [];

        public string? UserId { get; set; }
    }
}
