using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>
/// The letters of a post run: per resident, their notices in the run, grouped by initiative, with
/// where each initiative stands when the run is printed (status, next step, contact official).
/// Printing a run again gives the same letters, brought up to date.
/// </summary>
public sealed class PostRunLetters(IGrainFactory grains, IPostRoom post, NoticeLinks links)
{
    /// <summary>Where a resident takes their desk record over after signing in with DigiD.</summary>
    public const string TakeOverPath = "/gegevens/overnemen";

    public async Task<IReadOnlyList<Letter>> For(PostRun run, CancellationToken cancellationToken)
    {
        var notices = await post.InRun(run.Id, cancellationToken);
        var letters = new List<Letter>();
        foreach (var resident in notices.GroupBy(n => n.UserId))
        {
            if (await Letter(resident.Key, [.. resident], WorkingDays.DayOf(run.CreatedAt)) is { } letter)
            {
                letters.Add(letter);
            }
        }

        return letters;
    }

    private async Task<Letter?> Letter(string userId, IReadOnlyList<LetterNotice> notices, DateOnly date)
    {
        var person = grains.GetGrain<IPersonGrain>(userId);
        if (await person.GetRecord() is not { } record)
        {
            // No address (any more: the person was erased): nothing to send.
            return null;
        }

        var events = notices.Select(n => n.EventId).ToHashSet();
        var items = (await person.GetInboxAfter(notices.Min(n => n.Sequence) - 1, int.MaxValue)).Where(i => events.Contains(i.EventId)).ToList();
        var initiatives = new List<LetterInitiative>();
        foreach (var about in items.GroupBy(i => i.InitiativeId))
        {
            var initiative = grains.GetGrain<IInitiativeGrain>(about.Key);
            var details = await initiative.GetDetails();
            var timeline = await initiative.GetTimeline();
            var contact = await initiative.GetContact();
            var current = timeline?.Ahead.FirstOrDefault(s => s.IsCurrent);
            var next = timeline?.Ahead.SkipWhile(s => !s.IsCurrent).Skip(1).FirstOrDefault();
            initiatives.Add(new LetterInitiative(
                details?.Title ?? about.First().Title,
                [.. about.Select(i => (WorkingDays.DayOf(i.OccurredAt), i.Text))],
                details?.Status ?? InitiativeStatus.Submitted,
                current?.ExpectedEnd,
                next is null ? null : (next.Status, next.ExpectedEnd),
                contact?.Current,
                links.Initiative(about.Key)));
        }

        return new Letter(record.Language, record.Profile.Name, record.Profile.Address, date, initiatives,
            record.TakeOverCode, record.TakeOverExpires is { } expires ? WorkingDays.DayOf(expires) : null,
            new Uri(links.PublicUrl, TakeOverPath).ToString());
    }
}
