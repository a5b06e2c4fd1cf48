using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Partners;

public sealed class InitiativeFileTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{

    [Fact]
    public async Task Partners_come_and_go_with_each_change_logged_and_announced()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();
        var now = HubTestCluster.Time.GetUtcNow();

        await grain.AddPartner(new Partner(" Pré Wonen ", PartnerKind.HousingCorporation, "Levert de grond"), "Initiatiefnemer");
        var duplicate = await grain.AddPartner(new Partner("pré wonen", PartnerKind.Business, "Nog eens"), "Initiatiefnemer");
        await grain.RemovePartner("Pré Wonen", "Sanne de Vries", "De grond is van de gemeente.");

        duplicate.Errors.Should().Equal(new UserError("DUPLICATE", "name", "'pré wonen' is a partner already."));
        var file = await grain.GetFile();
        file!.Partners.Should().BeEmpty();
        file.ChangeLog.Should().Equal(
            new ChangeLogEntry("Partner", null, "Pré Wonen (woningcorporatie): Levert de grond", "Initiatiefnemer", now, null),
            new ChangeLogEntry("Partner", "Pré Wonen (woningcorporatie): Levert de grond", null, "Sanne de Vries", now, "De grond is van de gemeente."));
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(1, 10)).Select(i => (i.Kind, i.Text)).Should().Equal(
            (FeedItemKind.FileChanged, "Nieuwe partner: Pré Wonen (woningcorporatie), Levert de grond."),
            (FeedItemKind.FileChanged, "Pré Wonen is geen partner meer."));
    }

    [Fact]
    public async Task An_agreement_is_recorded_with_a_date_and_a_missed_one_is_visible()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();
        var now = HubTestCluster.Time.GetUtcNow();

        await grain.RecordAgreement("De gemeente", "plaatst twee bankjes", new DateOnly(2026, 4, 1), "Sanne de Vries");
        await grain.RecordAgreement("Bewoners", "houden de tuin bij", new DateOnly(2026, 6, 1), "Sanne de Vries");
        await grain.MarkAgreement(1, kept: false, "Initiatiefnemer");

        (await grain.GetFile())!.Agreements.Should().Equal(
            new Agreement(1, "De gemeente", "plaatst twee bankjes", new DateOnly(2026, 4, 1), AgreementState.Missed, "Sanne de Vries", now),
            new Agreement(2, "Bewoners", "houden de tuin bij", new DateOnly(2026, 6, 1), AgreementState.Open, "Sanne de Vries", now));
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(3, 10)).Select(i => i.Text).Should().Equal(
            "Afspraak niet nagekomen: De gemeente plaatst twee bankjes.");
    }

    [Fact]
    public async Task Wrong_agreements_and_partners_are_refused_naming_the_field()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        var agreement = await grain.RecordAgreement(" ", "iets", new DateOnly(2026, 3, 1), "Sanne de Vries");
        var partner = await grain.AddPartner(new Partner("School", (PartnerKind)99, ""), "Initiatiefnemer");
        var mark = await grain.MarkAgreement(7, kept: true, "Sanne de Vries");
        var remove = await grain.RemovePartner("Niemand", "Sanne de Vries", null);

        agreement.Errors.Should().Equal(
            new UserError("REQUIRED", "who", "Who makes the promise is required."),
            new UserError("IN_THE_PAST", "due", "The date cannot be in the past; today is 2026-03-02."));
        partner.Errors.Should().Equal(
            new UserError("REQUIRED", "role", "The partner's role is required."),
            new UserError("UNKNOWN_KIND", "kind", "The kind must be one of the listed kinds of organisation."));
        mark.Errors.Should().Equal(new UserError("NOT_FOUND", "number", "There is no agreement 7."));
        remove.Errors.Should().Equal(new UserError("NOT_FOUND", "name", "'Niemand' is not a partner of this initiative."));
        (await grain.GetFile()).Should().BeEquivalentTo(new InitiativeFile([], [], []));
    }
}
