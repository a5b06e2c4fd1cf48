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
    IInboxRows inbox,
    Desk.IResidentDirectory directory,
    HubMetrics metrics,
    Geo.MunicipalityMap map,
    ILogger<PersonGrain> logger)
    : Grain, IPersonGrain, IRemindable
{
    /// <summary>How many private items a person's inbox keeps for catch-up.</summary>
    public const int InboxSize = 200;

    private readonly ObserverManager<IInboxObserver> _observers = new(NeighbourhoodGrain.ObserverExpiry, logger);

    // The newest private items (at most InboxSize), oldest first, and the number of the newest.
    private readonly List<PrivateItem> _inbox = [];
    private long _last;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var userId = this.GetPrimaryKeyString();
        if (state.RecordExists && state.State.SchemaVersion < PersonState.CurrentSchemaVersion)
        {
            // Version 1 kept the inbox in this state: store it as rows with its numbers (a repeat
            // after a crash changes nothing), then drop it here.
            await inbox.Import(userId, state.State.Inbox, cancellationToken);
            state.State.Inbox = [];
            state.State.LastSequence = 0;
            state.State.SchemaVersion = PersonState.CurrentSchemaVersion;
            await state.WriteStateAsync(cancellationToken);
        }

        await LoadInbox(cancellationToken);
    }

    private async Task LoadInbox(CancellationToken cancellationToken = default)
    {
        var latest = await inbox.Latest(this.GetPrimaryKeyString(), InboxSize, cancellationToken);
        _inbox.Clear();
        _inbox.AddRange(latest.Reverse());
        _last = latest.Count > 0 ? latest[0].Sequence : 0;
    }

    public Task Deliver(PrivateEntry entry) => DeliverAll([entry]);

    public Task DeliverAll(IReadOnlyList<PrivateEntry> entries) => Store(entries, durable: false);

    /// <param name="entries">The notices, in order.</param>
    /// <param name="durable">Whether nothing else could bring them back after a crash (see <see cref="IInboxRows.Append"/>).</param>
    private async Task Store(IReadOnlyList<PrivateEntry> entries, bool durable)
    {
        // The rows number the items and take each event once (offered again after a retry: delivered once).
        var added = (await inbox.Append(this.GetPrimaryKeyString(), entries, [.. entries.Select(e => Route(e.Notice))], durable)).OfType<PrivateItem>().ToList();
        if (added.Count == 0)
        {
            return;
        }

        if (added[0].Sequence != _last + 1)
        {
            // Items this activation did not add (another activation, briefly): read the newest again.
            await LoadInbox();
        }
        else
        {
            _inbox.AddRange(added);
            if (_inbox.Count > InboxSize)
            {
                _inbox.RemoveRange(0, _inbox.Count - InboxSize);
            }

            _last = added[^1].Sequence;
        }

        var userId = this.GetPrimaryKeyString();
        foreach (var item in added)
        {
            await _observers.Notify(observer => observer.OnPrivateItem(userId, item));
        }

        await ScheduleMail();
    }

    public Task<IReadOnlyList<PrivateItem>> GetLatestInbox(int count) =>
        Task.FromResult<IReadOnlyList<PrivateItem>>([.. _inbox.Skip(Math.Max(0, _inbox.Count - Math.Clamp(count, 0, InboxSize)))]);

    public async Task<IReadOnlyList<PrivateItem>> GetInboxAfter(long afterSequence, int max) =>
        await ItemsAfter(afterSequence, Math.Max(0, max));

    /// <summary>The items after <paramref name="after"/>, oldest first, at most <paramref name="max"/>: from memory when it holds them.</summary>
    private async Task<IReadOnlyList<PrivateItem>> ItemsAfter(long after, int max)
    {
        if (after >= _last || max == 0)
        {
            return [];
        }

        if (_inbox.Count > 0 && after + 1 >= _inbox[0].Sequence)
        {
            return _inbox.Where(i => i.Sequence > after).Take(max).ToList();
        }

        return (await inbox.Read(this.GetPrimaryKeyString(), after, max)).Where(i => i.Sequence <= _last).ToList();
    }

    public Task<long> Subscribe(IInboxObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(_last);
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
        await inbox.Forget(userId);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
