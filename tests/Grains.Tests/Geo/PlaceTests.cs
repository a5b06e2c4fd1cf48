using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Geo;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Geo;

/// <summary>An initiative's place: checked, logged, and heard of by the residents who follow the area around their home.</summary>
public sealed class PlaceTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{

    private async Task<string> NewNeighbourhood()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        return code;
    }

    private async Task<(IInitiativeGrain Grain, SubmitResult Result)> Submit(string code, GeoPoint? place)
    {
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        var result = await grain.Submit(new SubmitInitiative("Geveltuin", "Groen langs de gevels.", code, Theme.Green, Location: place), TestPeople.Initiator);
        return (grain, result);
    }

    private static string Person() => $"resident-{Guid.NewGuid():N}";

    private async Task<IPersonGrain> Living(GeoPoint home, int radius)
    {
        var person = hub.Grains.GetGrain<IPersonGrain>(Person());
        (await person.SetHome(new HomeArea(home, radius))).Should().BeEmpty();
        return person;
    }

    [Fact]
    public async Task A_place_given_with_a_submission_is_stored_rounded_to_six_decimals_and_shown_in_the_index()
    {
        var code = await NewNeighbourhood();
        var (grain, result) = await Submit(code, new GeoPoint(52.38117649, 4.63668812));

        result.Errors.Should().BeEmpty();
        (await grain.GetDetails())!.Location.Should().Be(new GeoPoint(52.381176, 4.636688));
        await hub.Grains.Delivered(result.Initiative!.Id);
        var near = await hub.Grains.GetGrain<Grains.Index.INeighbourhoodIndexGrain>(code)
            .ListNear(new Grains.Index.InitiativeFilter(Near: new NearFilter(TestPlaces.GroteMarkt, 10)), null, 10, new DateOnly(2026, 3, 2));
        near.Items.Select(i => i.Id).Should().Equal(result.Initiative.Id);
        near.Items[0].DistanceMetres.Should().BeLessThan(0.1);
    }

    [Fact]
    public async Task A_place_outside_the_municipality_or_out_of_range_is_refused_with_the_field_and_the_rule_and_nothing_is_stored()
    {
        var code = await NewNeighbourhood();
        var (outside, refused) = await Submit(code, new GeoPoint(52.3676, 4.9041)); // Amsterdam, Dam
        var (_, wrong) = await Submit(code, new GeoPoint(95, 200));

        refused.Errors.Should().Equal(new UserError(GeoRules.OutsideMunicipality, "location", "The place must lie within the municipality of Haarlem."));
        (await outside.GetDetails()).Should().BeNull();
        wrong.Errors.Should().Equal(
            new UserError(UserErrorCodes.Invalid, "location.latitude", "The latitude must be a number from -90 to 90 (degrees north, WGS84)."),
            new UserError(UserErrorCodes.Invalid, "location.longitude", "The longitude must be a number from -180 to 180 (degrees east, WGS84)."));
    }

    [Fact]
    public async Task Setting_a_place_later_is_in_the_change_log_and_the_feed_and_the_same_place_again_changes_nothing()
    {
        var code = await NewNeighbourhood();
        var (grain, result) = await Submit(code, null);
        var place = TestPlaces.GroteMarkt.Towards(90, 200).Rounded();

        (await grain.SetLocation(place, "Ilse de Boer", null)).Errors.Should().BeEmpty();
        (await grain.SetLocation(place, "Ilse de Boer", null)).Errors.Should().BeEmpty();
        await hub.Grains.Delivered(result.Initiative!.Id);

        var file = await grain.GetFile();
        file!.ChangeLog.Select(c => (c.What, c.Before, c.After, c.By)).Should().Equal(("Plek", (string?)null, place.ToString(), "Ilse de Boer"));
        var feed = await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetLatest(10);
        feed.Select(f => f.Text).Should().Equal("De plek van het initiatief op de kaart is aangepast.", "Er is een nieuw initiatief ingediend in uw buurt.");
        (await grain.GetDetails())!.Location.Should().Be(place);
    }

    [Fact]
    public async Task Residents_whose_home_area_holds_the_place_hear_of_it_across_neighbourhoods_and_others_do_not()
    {
        var place = TestPlaces.GroteMarkt.Towards(45, 1500);
        var near = await Living(place.Towards(180, 300), 500);
        var far = await Living(place.Towards(0, 800), 500);
        var wide = await Living(place.Towards(270, 800), 1000);
        var code = await NewNeighbourhood();

        var (grain, result) = await Submit(code, place);
        await hub.Grains.Delivered(result.Initiative!.Id);

        (await near.GetInboxAfter(0, 10)).Select(i => (i.InitiativeId, i.Text, i.Notice)).Should().Equal(
            (result.Initiative.Id, "Er is een nieuw initiatief ingediend in uw buurt.", NoticeKind.Following));
        (await wide.GetInboxAfter(0, 10)).Should().HaveCount(1);
        (await far.GetInboxAfter(0, 10)).Should().BeEmpty();

        // A repeated delivery (as after a crash) changes nothing.
        await grain.DeliverOutbox();
        await hub.Grains.Delivered(result.Initiative.Id);
        (await near.GetInboxAfter(0, 10)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_resident_around_the_place_who_chose_email_at_once_for_news_they_follow_gets_an_email()
    {
        var place = TestPlaces.GroteMarkt.Towards(300, 1300);
        var person = await Living(place.Towards(90, 200), 250);
        var address = $"{person.GetPrimaryKeyString()}@example.nl";
        var settings = NotificationSettings.Defaults() with
        {
            Email = address,
            Channels = new Dictionary<NoticeKind, NoticeChannel> { [NoticeKind.Following] = NoticeChannel.EmailNow },
        };
        (await person.SetSettings(settings)).Should().BeEmpty();

        var (_, result) = await Submit(await NewNeighbourhood(), place);
        await hub.Grains.Delivered(result.Initiative!.Id);
        await person.SendPendingMail();

        RecordingMailSender.Instance.To(address).Select(m => m.Subject).Should().Equal("Nieuws over \"Geveltuin\"");
    }

    [Fact]
    public async Task The_homes_registry_takes_a_repeated_delivery_and_a_repeated_setting_once()
    {
        var place = TestPlaces.GroteMarkt.Towards(200, 1200);
        var person = await Living(place.Towards(10, 100), 250);
        (await person.SetHome(new HomeArea(place.Towards(10, 100), 250))).Should().BeEmpty();

        var homes = Homes.Get(hub.Grains);
        var first = await homes.Near(place);
        var again = await homes.Near(place);

        first.Should().Contain(person.GetPrimaryKeyString());
        again.Should().Equal(first);
        first.Count(p => p == person.GetPrimaryKeyString()).Should().Be(1);
    }

    [Fact]
    public async Task A_home_needs_a_place_within_the_municipality_and_one_of_the_offered_radii()
    {
        var person = hub.Grains.GetGrain<IPersonGrain>(Person());

        (await person.SetHome(new HomeArea(TestPlaces.GroteMarkt, 300))).Should().Equal(
            new UserError(UserErrorCodes.Invalid, "home.radiusMetres", "The radius must be 250, 500 or 1000 metres."));
        (await person.SetHome(new HomeArea(new GeoPoint(52.3676, 4.9041), 500))).Should().Equal(
            new UserError(GeoRules.OutsideMunicipality, "home", "The place must lie within the municipality of Haarlem."));
        (await person.GetHome()).Should().BeNull();

        (await person.SetHome(new HomeArea(TestPlaces.GroteMarkt, 500))).Should().BeEmpty();
        (await person.GetHome()).Should().Be(new HomeArea(TestPlaces.GroteMarkt, 500));
        (await person.SetHome(null)).Should().BeEmpty();
        (await person.GetHome()).Should().BeNull();
    }

    [Fact]
    public async Task A_near_filter_over_a_thousand_initiatives_returns_exactly_those_within_the_radius_nearest_first()
    {
        var code = await NewNeighbourhood();
        var index = hub.Grains.GetGrain<Grains.Index.INeighbourhoodIndexGrain>(code);
        var centre = TestPlaces.GroteMarkt.Towards(300, 900);
        var expected = new List<(double Metres, Guid Id)>();
        var random = new Random(17);
        foreach (var i in Enumerable.Range(0, 1000).OrderBy(_ => random.Next()))
        {
            // Distances 0.7, 2.2, 3.7, ... metres apart by 1.5 (none within half a metre of the radius or of another), in every direction.
            var metres = 0.7 + (1.5 * i);
            var id = Guid.NewGuid();
            var place = centre.Towards(random.NextDouble() * 360, metres);
            await index.Report(Summary(id, code, place, i));
            if (metres <= 600)
            {
                expected.Add((centre.MetresTo(place), id));
            }
        }

        var filter = new Grains.Index.InitiativeFilter(Near: new NearFilter(centre, 600));
        var all = new List<Grains.Index.InitiativeNearKey>();
        Grains.Index.InitiativeNearKey? after = null;
        int total;
        do
        {
            var part = await index.ListNear(filter, after, 100, new DateOnly(2026, 3, 2));
            total = part.TotalCount;
            all.AddRange(part.Items);
            after = part.Items.Count > 0 ? part.Items[^1] : null;
        }
        while (after is not null && all.Count < total);

        expected.Should().HaveCount(400);
        total.Should().Be(expected.Count);
        all.Select(k => k.Id).Should().Equal(expected.OrderBy(e => e.Metres).ThenBy(e => e.Id).Select(e => e.Id));
        all.Zip(expected.OrderBy(e => e.Metres).ThenBy(e => e.Id)).Should().OnlyContain(pair => Math.Abs(pair.First.DistanceMetres - pair.Second.Metres) < 0.5);
    }

    private static Grains.Index.InitiativeSummary Summary(Guid id, string code, GeoPoint place, int n) => new(
        id, 1, code, $"Initiatief {n}", Theme.Green, InitiativeStatus.Submitted, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddMinutes(n),
        null, null, new DateOnly(2026, 3, 16), [], [], [], [], place);
}
