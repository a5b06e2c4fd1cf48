using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Input;

public sealed class InputTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{

    [Fact]
    public async Task Support_counts_once_per_resident()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();

        await grain.GiveInput("resident-1", InputKind.Support, null);
        await grain.GiveInput("resident-1", InputKind.Support, null);
        await grain.GiveInput("resident-2", InputKind.Support, null);

        (await grain.GetInput())!.SupportCount.Should().Be(2);
    }

    [Fact]
    public async Task A_question_is_due_within_five_working_days_and_its_answer_says_what_was_done_with_it()
    {
        var (grain, _, code) = await hub.SubmitInNewNeighbourhood();
        var now = HubTestCluster.Time.GetUtcNow();

        await grain.GiveInput("resident-1", InputKind.Question, "Komt er ook een schommel?");
        var answered = await grain.AnswerInput(1, "Ja, er komt een schommel voor kleine kinderen.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);

        answered.Errors.Should().BeEmpty();
        (await grain.GetInput())!.Items.Should().Equal(new ResidentInput(1, InputKind.Question, "Komt er ook een schommel?", now, new DateOnly(2026, 3, 9), "resident-1",
            new InputAnswer("Ja, er komt een schommel voor kleine kinderen.", InputOutcome.Adopted, null, "Sanne de Vries", now, 0)));
        await grain.DeliverOutbox();
        (await hub.Grains.GetGrain<INeighbourhoodGrain>(code).GetAfter(1, 10)).Select(i => (i.Kind, i.Text)).Should().Equal(
            (FeedItemKind.InputAnswered, "Een bewoner vroeg: \"Komt er ook een schommel?\" Antwoord: Ja, er komt een schommel voor kleine kinderen."));
    }

    [Fact]
    public async Task Bad_input_and_bad_answers_are_refused_naming_the_field()
    {
        var (grain, _, _) = await hub.SubmitInNewNeighbourhood();
        await grain.GiveInput("resident-1", InputKind.Concern, "Wordt het niet te druk?");

        var empty = await grain.GiveInput("resident-2", InputKind.Idea, "  ");
        var noReason = await grain.AnswerInput(1, "We kijken ernaar.", InputOutcome.NotAdopted, null, "Sanne de Vries", publishAnyway: false);
        var unknown = await grain.AnswerInput(9, "Antwoord.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);
        await grain.AnswerInput(1, "Het wordt niet drukker dan nu.", InputOutcome.PartlyAdopted, "We zetten er een hek omheen.", "Sanne de Vries", publishAnyway: true);
        var twice = await grain.AnswerInput(1, "Nog een antwoord.", InputOutcome.Adopted, null, "Sanne de Vries", publishAnyway: false);

        empty.Errors.Should().Equal(new UserError("REQUIRED", "text", "Your question, idea or concern cannot be empty."));
        noReason.Errors.Should().Equal(new UserError("REQUIRED", "reason", "Say why the input was not (fully) adopted."));
        unknown.Errors.Should().Equal(new UserError("NOT_FOUND", "number", "There is no input 9."));
        twice.Errors.Should().Equal(new UserError("ALREADY_ANSWERED", "number", "Input 1 has been answered already."));
        (await grain.GetInput())!.Items.Should().ContainSingle().Which.Answer!.Outcome.Should().Be(InputOutcome.PartlyAdopted);
    }
}
