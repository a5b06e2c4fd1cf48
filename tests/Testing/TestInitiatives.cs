using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;

namespace Haarlem.Initiatives.Testing;

/// <summary>Starting points for grain tests: a fresh neighbourhood with one submitted initiative.</summary>
public static class TestInitiatives
{
    public static async Task<(IInitiativeGrain Grain, Guid Id, string Code)> SubmitInNewNeighbourhood(
        this HubTestCluster hub, string title = "Speeltuin", Theme theme = Theme.Play)
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var id = Guid.NewGuid();
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(id);
        await grain.Submit(new SubmitInitiative(title, "Een plek om te spelen.", code, theme), TestPeople.Initiator);
        await grain.DeliverOutbox();
        return (grain, id, code);
    }

    /// <summary>
    /// Waits until what the initiatives stored has reached the feed, the index, the inboxes, the
    /// work queues and the tables: a change is answered after its own write, and delivered from its
    /// outbox right after that (an event to wait for, not a sleep).
    /// </summary>
    public static Task Delivered(this IGrainFactory grains, params Guid[] ids) =>
        Task.WhenAll(ids.Select(id => grains.GetGrain<IInitiativeGrain>(id).DeliverOutbox()));
}
