using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

public sealed class StatusTransitionsTests
{
    private static StatusChangeRequest To(InitiativeStatus status, DecisionOutcome? outcome = null, string? reason = null) =>
        new(status, "We hebben met u gepraat over het plan.", outcome, reason);

    public static TheoryData<InitiativeStatus, DecisionOutcome?, InitiativeStatus> AllowedSteps => new()
    {
        { InitiativeStatus.Submitted, null, InitiativeStatus.Exploring },
        { InitiativeStatus.Exploring, null, InitiativeStatus.WorkingOut },
        { InitiativeStatus.WorkingOut, null, InitiativeStatus.Decision },
        { InitiativeStatus.Decision, DecisionOutcome.Approved, InitiativeStatus.Realisation },
        { InitiativeStatus.Decision, DecisionOutcome.ApprovedWithConditions, InitiativeStatus.Realisation },
        { InitiativeStatus.Decision, DecisionOutcome.NotApproved, InitiativeStatus.Completed },
        { InitiativeStatus.Realisation, null, InitiativeStatus.Completed },
    };

    [Theory]
    [MemberData(nameof(AllowedSteps))]
    public void Each_step_may_go_to_the_next_one(InitiativeStatus from, DecisionOutcome? outcome, InitiativeStatus to)
    {
        var request = to == InitiativeStatus.Decision ? To(to, DecisionOutcome.Approved) : To(to);

        StatusTransitions.Check(from, outcome, request).Should().BeEmpty();
        StatusTransitions.Next(from, outcome).Should().Be(to);
    }

    [Theory]
    [InlineData(InitiativeStatus.Submitted)]
    [InlineData(InitiativeStatus.Exploring)]
    [InlineData(InitiativeStatus.WorkingOut)]
    [InlineData(InitiativeStatus.Decision)]
    [InlineData(InitiativeStatus.Realisation)]
    public void Every_open_step_may_be_withdrawn_with_a_reason(InitiativeStatus from) =>
        StatusTransitions.Check(from, DecisionOutcome.Approved, To(InitiativeStatus.Withdrawn, reason: "We verhuizen.")).Should().BeEmpty();

    [Fact]
    public void Every_other_transition_is_refused_naming_the_current_and_the_requested_step()
    {
        var allowed = AllowedSteps.Select(row => ((InitiativeStatus)row[0], (InitiativeStatus)row[2])).ToHashSet();
        foreach (var from in Enum.GetValues<InitiativeStatus>())
        {
            foreach (var to in Enum.GetValues<InitiativeStatus>().Where(s => s != InitiativeStatus.Withdrawn))
            {
                if (allowed.Contains((from, to)))
                {
                    continue;
                }

                var errors = StatusTransitions.Check(from, DecisionOutcome.Approved, to == InitiativeStatus.Decision ? To(to, DecisionOutcome.Approved) : To(to));
                errors.Select(e => (e.Code, e.Field)).Should().Equal([("ILLEGAL_TRANSITION", "status")], $"{from} -> {to} must be refused");
                errors[0].Message.Should().StartWith($"An initiative in step {from.DutchLabel()} ({from}) cannot go to {to.DutchLabel()} ({to})");
            }
        }
    }

    [Fact]
    public void A_refusal_says_what_comes_next() =>
        StatusTransitions.Check(InitiativeStatus.Submitted, null, To(InitiativeStatus.Decision, DecisionOutcome.Approved))[0].Message
            .Should().Be("An initiative in step Ingediend (Submitted) cannot go to Besluit (Decision); the next step is Verkenning (Exploring).");

    [Theory]
    [InlineData(InitiativeStatus.Completed)]
    [InlineData(InitiativeStatus.Withdrawn)]
    public void An_ended_initiative_cannot_be_withdrawn(InitiativeStatus from) =>
        StatusTransitions.Check(from, null, To(InitiativeStatus.Withdrawn, reason: "Toch niet."))[0].Message
            .Should().EndWith("; it has ended.");

    [Fact]
    public void A_withdrawal_without_a_reason_is_refused() =>
        StatusTransitions.Check(InitiativeStatus.Exploring, null, To(InitiativeStatus.Withdrawn)).Should().Equal(
            new UserError("REQUIRED", "reason", "A withdrawal needs a reason."));

    [Theory]
    [InlineData(DecisionOutcome.NotApproved)]
    [InlineData(DecisionOutcome.ApprovedWithConditions)]
    public void A_decision_that_is_not_a_plain_approval_needs_a_reason(DecisionOutcome outcome) =>
        StatusTransitions.Check(InitiativeStatus.WorkingOut, null, To(InitiativeStatus.Decision, outcome)).Should().Equal(
            new UserError("REQUIRED", "reason", "A decision that is not a plain approval needs a reason (the conditions, or why not)."));

    [Fact]
    public void A_decision_needs_an_outcome_and_other_steps_take_none()
    {
        StatusTransitions.Check(InitiativeStatus.WorkingOut, null, To(InitiativeStatus.Decision)).Should().Equal(
            new UserError("REQUIRED", "outcome", "A decision needs an outcome: approved, approved with conditions or not approved."));
        StatusTransitions.Check(InitiativeStatus.Submitted, null, To(InitiativeStatus.Exploring, DecisionOutcome.Approved)).Should().Equal(
            new UserError("NOT_ALLOWED", "outcome", "An outcome can only be given with the step Decision."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void The_explanation_for_residents_is_required(string explanation) =>
        StatusTransitions.Check(InitiativeStatus.Submitted, null, new StatusChangeRequest(InitiativeStatus.Exploring, explanation)).Should().Equal(
            new UserError("REQUIRED", "explanation", "The explanation for residents is required."));
}
