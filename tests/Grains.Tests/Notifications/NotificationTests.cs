using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Notifications;

public sealed class NotificationTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static RecordingMailSender Mail => RecordingMailSender.Instance;

    private static string Address() => $"p{Guid.NewGuid():N}@example.nl";

    private async Task<(IPersonGrain Person, string Email)> Person(string userId, Func<NotificationSettings, NotificationSettings>? change = null, string? email = null)
    {
        var person = hub.Grains.GetGrain<IPersonGrain>(userId);
        var settings = NotificationSettings.Defaults() with { Email = email ?? Address() };
        (await person.SetSettings(change is null ? settings : change(settings))).Should().BeEmpty();
        return (person, settings.Email!);
    }

    private async Task<IInitiativeGrain> SubmitBy(Actor initiator, string title = "Speeltuin")
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        (await grain.Submit(new SubmitInitiative(title, "", code, Theme.Play), initiator)).Errors.Should().BeEmpty();
        await grain.DeliverOutbox();
        return grain;
    }

    private static Actor Resident(string id) => new(id, id, new HashSet<HubRole> { HubRole.Resident });

    [Fact]
    public async Task A_person_who_chose_English_gets_the_email_in_English_from_the_English_resource_file()
    {
        var initiatorId = $"ini-{Guid.NewGuid():N}";
        var (_, email) = await Person(initiatorId, s => s with { Language = "en" });
        var grain = await SubmitBy(Resident(initiatorId), "Pluktuin");

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.DeliverOutbox();
        await hub.Grains.GetGrain<IPersonGrain>(initiatorId).SendPendingMail();

        var mail = Mail.To(email).Single();
        (mail.Subject, mail.Language).Should().Be(("News about \"Pluktuin\"", "en"));
        mail.Text.Should().StartWith("There is news about an initiative:").And.Contain("Stop these emails: ");
    }

    [Fact]
    public async Task A_person_who_chose_Arabic_gets_the_email_in_Arabic_written_right_to_left()
    {
        var initiatorId = $"ini-{Guid.NewGuid():N}";
        var (_, email) = await Person(initiatorId, s => s with { Language = "ar" });
        var grain = await SubmitBy(Resident(initiatorId), "Pluktuin");

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.DeliverOutbox();
        await hub.Grains.GetGrain<IPersonGrain>(initiatorId).SendPendingMail();

        var mail = Mail.To(email).Single();
        (mail.Subject, mail.Language).Should().Be(("أخبار عن «Pluktuin»", "ar"));
        mail.Text.Should().StartWith("هناك أخبار عن مبادرة:").And.Contain("أوقف هذه الرسائل: ");
        mail.Html.Should().StartWith("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><body>");
    }

    [Fact]
    public async Task The_initiator_gets_an_email_at_once_for_each_change_and_a_follower_with_the_same_choice_too()
    {
        var initiatorId = $"ini-{Guid.NewGuid():N}";
        var followerId = $"fol-{Guid.NewGuid():N}";
        var (_, initiatorEmail) = await Person(initiatorId);
        var (_, followerEmail) = await Person(followerId, s => s with { Channels = new Dictionary<NoticeKind, NoticeChannel> { [NoticeKind.Following] = NoticeChannel.EmailNow } });
        var grain = await SubmitBy(Resident(initiatorId));
        await grain.Follow(followerId);

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.DeliverOutbox();
        await hub.Grains.GetGrain<IPersonGrain>(initiatorId).SendPendingMail();
        await hub.Grains.GetGrain<IPersonGrain>(followerId).SendPendingMail();

        var toInitiator = Mail.To(initiatorEmail);
        toInitiator.Select(m => (m.Subject, m.Language)).Should().Equal(("Nieuws over \"Speeltuin\"", "nl"));
        toInitiator[0].Text.Should().Contain("Verkenning: We hebben met u gepraat.").And.Contain($"/initiatieven/{grain.GetPrimaryKey()}");
        toInitiator[0].UnsubscribeUrl.Should().Be(HubTestCluster.Links.Unsubscribe(initiatorId, NoticeKind.OwnInitiative));
        Mail.To(followerEmail).Select(m => m.Subject).Should().Equal("Nieuws over \"Speeltuin\"");
    }

    [Fact]
    public async Task Mail_that_fails_while_the_server_is_away_is_sent_once_when_it_is_back()
    {
        var userId = $"ini-{Guid.NewGuid():N}";
        var (person, email) = await Person(userId);
        var grain = await SubmitBy(Resident(userId));
        Mail.Down(email);

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 4, 30), "Er is meer tijd nodig."), "Sanne de Vries");
        await grain.DeliverOutbox();
        await person.SendPendingMail();
        var whileDown = Mail.To(email).Count;
        Mail.Up(email);
        await person.SendPendingMail();
        await person.SendPendingMail();

        whileDown.Should().Be(0);
        Mail.To(email).Select(m => m.Text.Split('\n')[3].Trim()).Should().Equal(
            "Verkenning: We hebben met u gepraat.",
            "De stap Verkenning duurt langer: klaar rond 30 april 2026. Reden: Er is meer tijd nodig.");
    }

    [Fact]
    public async Task A_refused_address_is_marked_and_the_notices_stay_on_the_site()
    {
        var userId = $"ini-{Guid.NewGuid():N}";
        var (person, _) = await Person(userId, email: $"{Guid.NewGuid():N}@refused.example");
        var grain = await SubmitBy(Resident(userId));

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.DeliverOutbox();
        await person.SendPendingMail();

        (await person.GetSettings(null)).EmailProblem.Should().Be("550 No such user here");
        (await person.GetInboxAfter(0, 10)).Select(i => i.Text).Should().Equal("Verkenning: We hebben met u gepraat.");
    }

    [Fact]
    public async Task A_week_of_neighbourhood_news_comes_in_one_weekly_digest_none_twice_none_missing()
    {
        var userId = $"res-{Guid.NewGuid():N}";
        var (person, email) = await Person(userId, s => s with { DigestDay = DayOfWeek.Monday, DigestHour = 8 });
        var initiative = await SubmitBy(TestPeople.Initiator, "Buurttuin");
        var code = (await initiative.GetDetails())!.NeighbourhoodCode;
        await person.FollowNeighbourhood(code, follow: true);
        // The digest runs every hour; the test passes the hour (the shared clock of the cluster stays put).
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 Amsterdam, just after following
        await person.RunDigest(now);
        var titles = new List<string>();

        // Tuesday to Sunday: one new initiative a day; the digest waits for Monday 08:00.
        for (var day = 1; day <= 6; day++)
        {
            var title = $"Plan {day}";
            var plan = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
            await plan.Submit(new SubmitInitiative(title, "", code, Theme.Social), TestPeople.Initiator);
            await plan.DeliverOutbox();
            titles.Add(title);
            await person.RunDigest(now.AddDays(day));
        }

        var beforeMonday = Mail.To(email).Count;
        var monday = new DateTimeOffset(2026, 3, 9, 7, 5, 0, TimeSpan.Zero); // 08:05 Amsterdam
        await person.RunDigest(monday);
        await person.RunDigest(monday.AddHours(1));
        await person.RunDigest(monday.AddDays(1));

        beforeMonday.Should().Be(0);
        var digests = Mail.To(email);
        digests.Select(m => m.Subject).Should().Equal("Deze week in uw buurt: 6 berichten");
        titles.Should().AllSatisfy(t => digests[0].Text.Should().Contain($"- {t} ("));
        digests[0].Text.Should().NotContain("Buurttuin");
    }

    [Fact]
    public async Task The_contact_official_hears_of_new_input_and_the_resident_of_the_answer_and_only_they()
    {
        var officialId = $"official:{Guid.NewGuid():N}";
        var residentId = $"res-{Guid.NewGuid():N}";
        var (official, officialEmail) = await Person(officialId, s => s with { Channels = new Dictionary<NoticeKind, NoticeChannel> { [NoticeKind.Work] = NoticeChannel.EmailNow } });
        var (resident, residentEmail) = await Person(residentId);
        var grain = await SubmitBy(TestPeople.Initiator);
        await grain.AssignContactOfficial(new ContactOfficial(officialId, "Sanne de Vries", "Wijkregisseur", "Noord", "s@haarlem.nl", null), "Kees", null);

        await grain.GiveInput(residentId, InputKind.Question, "Komt er een schommel?");
        await grain.AnswerInput(1, "Ja, er komt een schommel.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);
        await grain.DeliverOutbox();
        await official.SendPendingMail();
        await resident.SendPendingMail();

        (await official.GetInboxAfter(0, 10)).Select(i => (i.Notice, i.Text)).Should().Equal(
            (NoticeKind.Work, "De contactpersoon is nu Sanne de Vries (Wijkregisseur, Noord)."),
            (NoticeKind.Work, "Nieuwe vraag van een bewoner: \"Komt er een schommel?\" Beantwoord vóór 9 maart 2026."));
        Mail.To(officialEmail).Should().HaveCount(2);
        (await resident.GetInboxAfter(0, 10)).Select(i => (i.Notice, i.Text)).Should().Equal(
            (NoticeKind.Answers, "U vroeg: \"Komt er een schommel?\" Het antwoord: Ja, er komt een schommel."));
        Mail.To(residentEmail).Select(m => m.Subject).Should().Equal("Nieuws over \"Speeltuin\"");
    }

    [Fact]
    public async Task Unsubscribing_stops_one_kind_and_a_link_signed_for_someone_else_does_not_verify()
    {
        var userId = $"res-{Guid.NewGuid():N}";
        var (person, _) = await Person(userId);

        await person.Unsubscribe(NoticeKind.OwnInitiative);
        var bad = await person.SetSettings(NotificationSettings.Defaults() with { Email = "geen adres", Language = "fr", DigestHour = 25 });

        (await person.GetSettings(null)).ChannelFor(NoticeKind.OwnInitiative).Should().Be(NoticeChannel.Site);
        (await person.GetSettings(null)).ChannelFor(NoticeKind.Answers).Should().Be(NoticeChannel.EmailNow);
        bad.Select(e => (e.Code, e.Field)).Should().Equal(("INVALID", "email"), ("INVALID", "language"), ("INVALID", "digestHour"));
        var link = new Uri(HubTestCluster.Links.Unsubscribe(userId, NoticeKind.Answers));
        var signature = System.Web.HttpUtility.ParseQueryString(link.Query)["s"]!;
        HubTestCluster.Links.Verify(userId, NoticeKind.Answers, signature).Should().BeTrue();
        HubTestCluster.Links.Verify("someone-else", NoticeKind.Answers, signature).Should().BeFalse();
        HubTestCluster.Links.Verify(userId, NoticeKind.Following, signature).Should().BeFalse();
    }

    [Fact]
    public async Task A_message_goes_privately_from_the_initiator_to_the_contact_official_and_back()
    {
        var initiatorId = $"ini-{Guid.NewGuid():N}";
        var officialId = $"official:{Guid.NewGuid():N}";
        var grain = await SubmitBy(Resident(initiatorId));
        var tooEarly = await grain.SendMessage("Wanneer hoor ik iets?", "Initiatiefnemer", fromInitiator: true);
        await grain.AssignContactOfficial(new ContactOfficial(officialId, "Sanne de Vries", "Wijkregisseur", "Noord", "s@haarlem.nl", null), "Kees", null);

        var empty = await grain.SendMessage("  ", "Initiatiefnemer", fromInitiator: true);
        await grain.SendMessage("Wanneer hoor ik iets?", "Initiatiefnemer", fromInitiator: true);
        await grain.SendMessage("Ik bel u donderdag.", "Sanne de Vries", fromInitiator: false);
        await grain.DeliverOutbox();

        tooEarly.Errors.Select(e => (e.Code, e.Field)).Should().Equal(("NO_RECIPIENT", "initiativeId"));
        empty.Errors.Select(e => (e.Code, e.Field)).Should().Equal(("REQUIRED", "text"));
        (await grain.GetMessages())!.Select(m => (m.Number, m.FromName, m.FromInitiator, m.Text)).Should().Equal(
            (1, "Initiatiefnemer", true, "Wanneer hoor ik iets?"), (2, "Sanne de Vries", false, "Ik bel u donderdag."));
        (await hub.Grains.GetGrain<IPersonGrain>(officialId).GetInboxAfter(0, 10)).Where(i => i.Kind == FeedItemKind.MessageReceived)
            .Select(i => (i.Notice, i.Text)).Should().Equal((NoticeKind.Work, "Bericht van Initiatiefnemer: Wanneer hoor ik iets?"));
        (await hub.Grains.GetGrain<IPersonGrain>(initiatorId).GetInboxAfter(0, 10)).Where(i => i.Kind == FeedItemKind.MessageReceived)
            .Select(i => (i.Notice, i.Text)).Should().Equal((NoticeKind.OwnInitiative, "Bericht van Sanne de Vries: Ik bel u donderdag."));
    }
}
