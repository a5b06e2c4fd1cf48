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
    ILogger<PersonGrain> logger)
    : Grain, IPersonGrain, IRemindable
{
    /// <summary>How many private items a person's inbox keeps for catch-up.</summary>
    public const int InboxSize = 200;

    private readonly ObserverManager<IInboxObserver> _observers = new(NeighbourhoodGrain.ObserverExpiry, logger);

    public async Task Deliver(PrivateEntry entry)
    {
        if (state.State.Inbox.Exists(i => i.EventId == entry.EventId))
        {
            return; // offered again after a retry: delivered once
        }

        var item = new PrivateItem(state.State.LastSequence + 1, entry.Kind, entry.InitiativeId, entry.Title, entry.Text, entry.OccurredAt, entry.EventId, entry.Notice);
        state.State.Inbox.Add(item);
        state.State.LastSequence = item.Sequence;
        if (state.State.Inbox.Count > InboxSize)
        {
            state.State.Inbox.RemoveAt(0);
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
        await _observers.Notify(observer => observer.OnPrivateItem(userId, item));
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

    public async Task Remember(Guid initiativeId)
    {
        if (!state.State.Initiatives.Contains(initiativeId))
        {
            state.State.Initiatives.Add(initiativeId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> GetInitiatives() => Task.FromResult<IReadOnlyList<Guid>>(state.State.Initiatives.ToList());

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

    public async Task Forget()
    {
        var userId = this.GetPrimaryKeyString();
        await Task.WhenAll(state.State.Initiatives.Select(id => GrainFactory.GetGrain<IInitiativeGrain>(id).ForgetPerson(userId)));
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
