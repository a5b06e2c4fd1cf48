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
        var standings = new InitiativeStandings(grains);
        foreach (var resident in notices.GroupBy(n => n.UserId))
        {
            if (await Letter(resident.Key, [.. resident], WorkingDays.DayOf(run.CreatedAt), standings) is { } letter)
            {
                letters.Add(letter);
            }
        }

        return letters;
    }

    private async Task<Letter?> Letter(string userId, IReadOnlyList<LetterNotice> notices, DateOnly date, InitiativeStandings standings)
    {
        var person = grains.GetGrain<IPersonGrain>(userId);
        if (await person.GetRecord() is not { } record)
        {
            // No address (any more: the person was erased): nothing to send.
            return null;
        }

        var items = await InitiativeStandings.Notices(person, [.. notices.Select(n => (n.Sequence, n.EventId))]);
        var initiatives = new List<LetterInitiative>();
        foreach (var about in items.GroupBy(i => i.InitiativeId))
        {
            var standing = await standings.Of(about.Key);
            initiatives.Add(new LetterInitiative(
                standing.Title ?? about.First().Title,
                [.. about.Select(i => (WorkingDays.DayOf(i.OccurredAt), i.Text))],
                standing.Status ?? InitiativeStatus.Submitted,
                standing.CurrentExpected,
                standing.Next,
                standing.Contact,
                links.Initiative(about.Key)));
        }

        return new Letter(record.Language, record.Profile.Name, record.Profile.Address, date, initiatives,
            record.TakeOverCode, record.TakeOverExpires is { } expires ? WorkingDays.DayOf(expires) : null,
            new Uri(links.PublicUrl, TakeOverPath).ToString());
    }
}
