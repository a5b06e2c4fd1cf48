using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Ratings;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Ratings;

public sealed class RatingTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    private static readonly KanoScores Good = new(4, 5, 4, 4, 5, 5, 4);

    private async Task<IInitiativeGrain> PastExploring()
    {
        var code = TestNames.Neighbourhood();
        await hub.Grains.GetGrain<INeighbourhoodGrain>(code).Define(new NeighbourhoodInfo(code, "Testbuurt", "Centrum", null));
        var grain = hub.Grains.GetGrain<IInitiativeGrain>(Guid.NewGuid());
        await grain.Submit(new SubmitInitiative("Speeltuin", "", code, Theme.Play), TestPeople.Initiator);
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben gepraat."), "Sanne de Vries");
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");
        return grain;
    }

    [Fact]
    public async Task The_initiator_and_residents_who_gave_input_rate_a_reached_milestone_once()
    {
        var grain = await PastExploring();
        await grain.GiveInput("resident-1", InputKind.Idea, "Zet er een bankje bij.");

        var initiator = await grain.Rate("initiator-1", isInitiator: true, Milestone.AfterExploring, 8, Good, "Fijn gesprek.");
        var resident = await grain.Rate("resident-1", isInitiator: false, Milestone.AfterExploring, 7, Good, null);
        var again = await grain.Rate("resident-1", isInitiator: false, Milestone.AfterExploring, 9, Good, null);

        initiator.Errors.Should().BeEmpty();
        resident.Errors.Should().BeEmpty();
        again.Errors.Should().Equal(new UserError("ALREADY_RATED", "milestone", "You rated the milestone AfterExploring already."));
        (await grain.GetRatings())!.Select(r => (r.Milestone, r.Mark, r.ByInitiator, r.Comment)).Should().Equal(
            (Milestone.AfterExploring, 8, true, "Fijn gesprek."), (Milestone.AfterExploring, 7, false, (string?)null));
    }

    [Fact]
    public async Task A_rating_out_of_range_for_a_milestone_not_reached_by_someone_without_input_is_refused_on_every_count()
    {
        var grain = await PastExploring();

        var result = await grain.Rate("stranger", isInitiator: false, Milestone.AtCompletion, 11, Good with { Simple = 0, Fast = 6 }, null);

        result.Errors.Should().Equal(
            new UserError("OUT_OF_RANGE", "mark", "The mark must be from 1 to 10; it was 11."),
            new UserError("OUT_OF_RANGE", "fast", "The score for fast must be from 1 to 5; it was 6."),
            new UserError("OUT_OF_RANGE", "simple", "The score for simple must be from 1 to 5; it was 0."),
            new UserError("NOT_REACHED", "milestone", "The initiative has not reached the milestone AtCompletion yet."),
            new UserError("NOT_ALLOWED", "raterId", "Only the initiator and residents who gave input can rate the service."));
        (await grain.GetRatings()).Should().BeEmpty();
    }
}
