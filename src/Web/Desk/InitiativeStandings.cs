using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>Where an initiative stands, as a letter or a call tells it: its title and step, until when, the next step, the contact official.</summary>
public sealed record InitiativeStanding(
    string? Title, InitiativeStatus? Status, DateOnly? CurrentExpected, (InitiativeStatus Step, DateOnly Expected)? Next, ContactOfficial? Contact);

/// <summary>
/// What the desk tells residents about their notices (in letters and on calls): the notices
/// themselves from the person's inbox, and where each initiative stands, each initiative read
/// once per instance (one post run, one calls page), however many notices are about it.
/// </summary>
public sealed class InitiativeStandings(IGrainFactory grains)
{
    private readonly Dictionary<Guid, Task<InitiativeStanding>> _read = [];

    public Task<InitiativeStanding> Of(Guid initiativeId)
    {
        if (!_read.TryGetValue(initiativeId, out var reading))
        {
            _read[initiativeId] = reading = Read(initiativeId);
        }

        return reading;
    }

    /// <summary>The notices with these numbers and event ids from the person's inbox, in one read.</summary>
    public static async Task<IReadOnlyList<PrivateItem>> Notices(IPersonGrain person, IReadOnlyCollection<(long Sequence, string EventId)> notices)
    {
        var events = notices.Select(n => n.EventId).ToHashSet();
        return [.. (await person.GetInboxAfter(notices.Min(n => n.Sequence) - 1, int.MaxValue)).Where(i => events.Contains(i.EventId))];
    }

    private async Task<InitiativeStanding> Read(Guid id)
    {
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        // The three reads at once: one round instead of three.
        var detailsCall = initiative.GetDetails();
        var timelineCall = initiative.GetTimeline();
        var contactCall = initiative.GetContact();
        var details = await detailsCall;
        var timeline = await timelineCall;
        var contact = await contactCall;
        var current = timeline?.Ahead.FirstOrDefault(s => s.IsCurrent);
        var next = timeline?.Ahead.SkipWhile(s => !s.IsCurrent).Skip(1).FirstOrDefault();
        return new InitiativeStanding(details?.Title, details?.Status, current?.ExpectedEnd, next is null ? null : (next.Status, next.ExpectedEnd), contact?.Current);
    }
}
