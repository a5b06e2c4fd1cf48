using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Haarlem.Initiatives.Grains.People;

public sealed partial class PersonGrain(
    [PersistentState("person", GrainStorage.Name)] IPersistentState<PersonState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    IMailSender mail,
    NoticeLinks links,
    Delivery.IPersonIndex index,
    HubMetrics metrics,
    Geo.MunicipalityMap map,
    ILogger<PersonGrain> logger)
    : Grain, IPersonGrain, IRemindable
{
    /// <summary>How many private items a person's inbox keeps for catch-up.</summary>
    public const int InboxSize = 200;

    private readonly ObserverManager<IInboxObserver> _observers = new(NeighbourhoodGrain.ObserverExpiry, logger);

    public Task Deliver(PrivateEntry entry) => DeliverAll([entry]);

    public async Task DeliverAll(IReadOnlyList<PrivateEntry> entries)
    {
        var added = new List<PrivateItem>();
        foreach (var entry in entries)
        {
            if (state.State.Inbox.Exists(i => i.EventId == entry.EventId))
            {
                continue; // offered again after a retry: delivered once
            }

            var item = new PrivateItem(state.State.LastSequence + 1, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, entry.Notice);
            state.State.Inbox.Add(item);
            state.State.LastSequence = item.Sequence;
            added.Add(item);
        }

        if (added.Count == 0)
        {
            return;
        }

        if (state.State.Inbox.Count > InboxSize)
        {
            state.State.Inbox.RemoveRange(0, state.State.Inbox.Count - InboxSize);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        var userId = this.GetPrimaryKeyString();
        foreach (var item in added)
        {
            await _observers.Notify(observer => observer.OnPrivateItem(userId, item));
        }

        await ScheduleMail();
    }

    public Task<IReadOnlyList<PrivateItem>> GetInboxAfter(long afterSequence, int max) => Task.FromResult<IReadOnlyList<PrivateItem>>(
        state.State.Inbox.Where(i => i.Sequence > afterSequence).Take(Math.Clamp(max, 0, InboxSize)).ToList());

    public Task<long> Subscribe(IInboxObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(state.State.LastSequence);
    }

    public Task Unsubscribe(IInboxObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<Guid>> GetInitiatives()
    {
        // Older versions kept the list in the person's state; the index table holds it since.
        var indexed = await index.Initiatives(this.GetPrimaryKeyString());
        return state.State.Initiatives.Union(indexed).ToList();
    }

    public async Task FollowNeighbourhood(string code, bool follow)
    {
        var changed = follow
            ? !state.State.Neighbourhoods.Contains(code) && Add(code)
            : state.State.Neighbourhoods.Remove(code);
        if (changed)
        {
            if (follow)
            {
                // Digests tell what happens from now on.
                var latest = await GrainFactory.GetGrain<INeighbourhoodGrain>(code).GetLatest(1);
                state.State.NeighbourhoodSeen[code] = latest.Count > 0 ? latest[0].Sequence : 0;
            }
            else
            {
                state.State.NeighbourhoodSeen.Remove(code);
            }

            await state.WriteStateAsync();
        }

        bool Add(string value)
        {
            state.State.Neighbourhoods.Add(value);
            return true;
        }
    }

    public Task<IReadOnlyList<string>> GetFollowedNeighbourhoods() => Task.FromResult<IReadOnlyList<string>>(state.State.Neighbourhoods.ToList());

    public async Task<IReadOnlyList<UserError>> SetHome(Geo.HomeArea? home)
    {
        var rounded = home is null ? null : home with { Point = home.Point.Rounded() };
        var errors = rounded is null ? [] : Geo.GeoRules.Validate(rounded, map).ToList();
        if (errors.Count == 0)
        {
            // The registry is the one place the home is kept: it is what the initiatives ask.
            await Geo.Homes.Get(GrainFactory).Set(this.GetPrimaryKeyString(), rounded);
        }

        return errors;
    }

    public Task<Geo.HomeArea?> GetHome() => Geo.Homes.Get(GrainFactory).Get(this.GetPrimaryKeyString());

    public async Task Forget()
    {
        var userId = this.GetPrimaryKeyString();
        await Geo.Homes.Get(GrainFactory).Set(userId, null);
        await Task.WhenAll((await GetInitiatives()).Select(id => GrainFactory.GetGrain<IInitiativeGrain>(id).ForgetPerson(userId)));
        await index.Forget(userId);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
