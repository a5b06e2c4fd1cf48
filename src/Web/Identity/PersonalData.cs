using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;

namespace Haarlem.Initiatives.Web.Identity;

/// <summary>A person's right to their data (AVG/GDPR): download everything the hub holds about them, or erase it.</summary>
public sealed class PersonalData(IGrainFactory grains, InitiativeCommands commands)
{
    public sealed record Export(
        DateTimeOffset ExportedAt,
        string UserId,
        string Name,
        IReadOnlyList<string> Roles,
        string? NeighbourhoodCode,
        IReadOnlyList<PersonInitiativeData> Initiatives,
        IReadOnlyList<string> FollowedNeighbourhoods,
        Grains.Notifications.NotificationSettings Notifications,
        Grains.Geo.HomeArea? Home,
        IReadOnlyList<PrivateItem> Inbox,
        string Note);

    public async Task<Export> Collect(Actor actor, DateTimeOffset now)
    {
        var person = grains.GetGrain<IPersonGrain>(actor.UserId);
        var ids = await person.GetInitiatives();
        var data = await Task.WhenAll(ids.Select(id => grains.GetGrain<IInitiativeGrain>(id).GetPersonData(actor.UserId)));
        return new Export(
            now, actor.UserId, actor.Name, actor.Roles.Order().Select(HubClaims.RoleName).ToList(), actor.NeighbourhoodCode,
            data.OfType<PersonInitiativeData>().ToList(),
            await person.GetFollowedNeighbourhoods(),
            await person.GetSettings(actor.Roles),
            await person.GetHome(),
            await person.GetInboxAfter(0, int.MaxValue),
            "Alles wat Haarlem Initiatieven over u bewaart. Het logboek van wijzigingen (audit trail) bewaart ook uw gebruikersnaam; zie docs/security.md.");
    }

    /// <summary>Erases the person: their public input stays, from "a resident"; their private data is gone.</summary>
    public async Task Erase(Actor actor, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IPersonGrain>(actor.UserId).Forget();
        await commands.Audit(actor, "deleteAccount", null, AuditOutcome.Done, cancellationToken);
    }
}
