using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.GraphQL;

/// <summary>
/// The council's overview shows how people reached the municipality and how it reached them:
/// initiatives and input per channel (web, counter, phone) and notices per way (site, e-mail,
/// letter, phone), on a hub of its own so that every count is this test's.
/// </summary>
public sealed class ChannelOverviewTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private static readonly Actor Council = new("council-channels", "Raadslid Bos", new HashSet<HubRole> { HubRole.Council });
    private static readonly Assistance AtCounter = new("dev-desk", "Bea Balie", ContactChannel.Counter);
    private static readonly Assistance ByPhone = new("dev-desk", "Bea Balie", ContactChannel.Phone);

    private IGrainFactory Grains => fixture.Host.Services.GetRequiredService<IGrainFactory>();

    private async Task<string> Registered(string name, string houseNumber, NoticeChannel own)
    {
        var userId = $"{PersonGrain.DeskPrefix}{Guid.NewGuid():N}";
        var person = Grains.GetGrain<IPersonGrain>(userId);
        (await person.Register(new ResidentRegistration(name, "Kleverparkweg", houseNumber, "2023 CD", "Haarlem", "023 512 3456", null, "nl", true), AtCounter)).Should().BeEmpty();
        var settings = await person.GetSettings(null);
        (await person.SetSettings(settings with { Channels = new Dictionary<NoticeKind, NoticeChannel>(settings.Channels) { [NoticeKind.OwnInitiative] = own } })).Should().BeEmpty();
        return userId;
    }

    private async Task<IInitiativeGrain> Submit(string userId, string name, Assistance? desk, string title)
    {
        var grain = Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        using (ChangeStamp.Apply(new ChangeStamp(userId, name, "submitInitiative", RemembersPerson: true, desk)))
        {
            (await grain.Submit(new SubmitInitiative(title, "Een plan voor de buurt.", "kleverpark", Theme.Green, desk is null ? "ilse@example.nl" : null),
                new Actor(userId, name, new HashSet<HubRole> { HubRole.Resident }))).Errors.Should().BeEmpty();
        }

        return grain;
    }

    [Fact]
    public async Task The_overview_gives_the_share_of_initiatives_input_and_notices_per_channel()
    {
        var truus = await Registered("Truus Bakker", "12", NoticeChannel.Letter);
        var piet = await Registered("Piet Smit", "14", NoticeChannel.Phone);
        var web = await Submit("web-initiator", "Ilse de Boer", null, "Geveltuin");
        var counter = await Submit(truus, "Truus Bakker", AtCounter, "Bankje");
        var phone = await Submit(piet, "Piet Smit", ByPhone, "Plantenbak");
        using (ChangeStamp.Apply(new ChangeStamp(truus, "Truus Bakker", "giveInput", RemembersPerson: true, AtCounter)))
        {
            (await web.GiveInput(truus, InputKind.Support, null)).Errors.Should().BeEmpty();
        }

        using (ChangeStamp.Apply(new ChangeStamp(piet, "Piet Smit", "giveInput", RemembersPerson: true, ByPhone)))
        {
            (await web.GiveInput(piet, InputKind.Idea, "Zet er ook een bankje bij.")).Errors.Should().BeEmpty();
        }

        (await counter.GiveInput("web-resident", InputKind.Question, "Waar komt het bankje?")).Errors.Should().BeEmpty();
        foreach (var grain in new[] { web, counter, phone })
        {
            (await grain.AssignContactOfficial(new ContactOfficial("official-channels", "Sanne de Vries", "Gebiedsverbinder", "Noord", "s.devries@haarlem.nl", null), "Kees Jansen", null))
                .Errors.Should().BeEmpty();
        }

        await fixture.Host.Delivered([.. new[] { web, counter, phone }.Select(g => g.GetPrimaryKey().ToString())]);
        var council = await fixture.Host.GraphQL().SignIn(Council);
        var response = await council.Send("""
            { overview {
                byChannel { channel count share }
                inputByChannel { channel count share }
                noticesByChannel { channel count share } } }
            """);

        // The notices: the contact official to each initiator (Ilse by e-mail, Truus by letter, Piet by
        // phone); the idea on Ilse's initiative to her (e-mail) and the question on Truus's to her
        // (letter); and to the three who gave input, who now follow (on the site).
        var admin = await fixture.Host.GraphQL().SignIn(new Actor("admin-channels", "Beheerder", new HashSet<HubRole> { HubRole.Admin }));
        var audit = await admin.Send("{ auditTrail(day: \"2026-03-02\") { userId userName action onBehalfOf channel } }");
        var letters = await fixture.Host.Services.GetRequiredService<IPostRoom>().Waiting();
        var calls = await fixture.Host.Services.GetRequiredService<ICallQueue>().Due(Haarlem.Initiatives.Grains.Norms.WorkingDays.DayOf(fixture.Host.Time.GetUtcNow()));
        letters.Select(l => l.UserId).Should().Equal(truus, truus);
        calls.Select(c => c.UserId).Should().Equal(piet);
        // The desk worker acted; the trail says for whom and how (in the order the outboxes delivered them: all at the same moment).
        audit.Data!["auditTrail"]!.AsArray().Where(l => l!["action"]!.GetValue<string>() == "submitInitiative").Select(l => l!.ToJsonString()).Should().BeEquivalentTo(
            """{"userId":"web-initiator","userName":"Ilse de Boer","action":"submitInitiative","onBehalfOf":null,"channel":"WEB"}""",
            $$"""{"userId":"dev-desk","userName":"Bea Balie","action":"submitInitiative","onBehalfOf":"{{truus}}","channel":"COUNTER"}""",
            $$"""{"userId":"dev-desk","userName":"Bea Balie","action":"submitInitiative","onBehalfOf":"{{piet}}","channel":"PHONE"}""");
        response.Errors.Should().BeNull();
        JsonNode.DeepEquals(response.Data, JsonNode.Parse("""
            { "overview": {
                "byChannel": [ { "channel": "WEB", "count": 1, "share": 0.3333 }, { "channel": "COUNTER", "count": 1, "share": 0.3333 }, { "channel": "PHONE", "count": 1, "share": 0.3333 } ],
                "inputByChannel": [ { "channel": "WEB", "count": 1, "share": 0.3333 }, { "channel": "COUNTER", "count": 1, "share": 0.3333 }, { "channel": "PHONE", "count": 1, "share": 0.3333 } ],
                "noticesByChannel": [ { "channel": "SITE", "count": 3, "share": 0.375 }, { "channel": "EMAIL", "count": 2, "share": 0.25 }, { "channel": "LETTER", "count": 2, "share": 0.25 }, { "channel": "PHONE", "count": 1, "share": 0.125 } ] } }
            """)).Should().BeTrue(response.Body.ToJsonString());
    }
}
