using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Norms;

namespace Haarlem.Initiatives.Grains.Tests.Norms;

public sealed class ServiceNormsTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_submitted_initiative_is_expected_to_have_its_first_talk_within_five_working_days() =>
        new ServiceNorms().ExpectedEnd(InitiativeStatus.Submitted, Theme.Green, Day("2026-04-24"))
            .Should().Be(Day("2026-05-04")); // Friday 24 April; King's Day 27 April does not count

    [Fact]
    public void A_theme_can_have_its_own_norm_for_a_step()
    {
        var norms = new ServiceNorms(new Dictionary<Theme, IReadOnlyDictionary<InitiativeStatus, int>>
        {
            [Theme.Play] = new Dictionary<InitiativeStatus, int> { [InitiativeStatus.Decision] = 40 },
        });

        norms.WorkingDaysFor(InitiativeStatus.Decision, Theme.Play).Should().Be(40);
        norms.WorkingDaysFor(InitiativeStatus.Decision, Theme.Green).Should().Be(20);
        norms.WorkingDaysFor(InitiativeStatus.Exploring, Theme.Play).Should().Be(15);
        norms.WorkingDaysFor(InitiativeStatus.Completed, Theme.Play).Should().BeNull();
    }

    [Fact]
    public void The_plan_gives_the_expected_end_of_every_step_ahead_and_so_the_projected_completion() =>
        new ServiceNorms().Plan(InitiativeStatus.WorkingOut, Theme.Social, Day("2026-03-02"), Day("2026-03-02")).Should().Equal(
            (InitiativeStatus.WorkingOut, Day("2026-03-30")),
            (InitiativeStatus.Decision, Day("2026-04-29")),       // over Easter Monday and King's Day
            (InitiativeStatus.Realisation, Day("2026-07-27")));    // over Liberation Day, Ascension and Whit Monday

    [Fact]
    public void A_late_step_pushes_the_steps_after_it_from_today()
    {
        var plan = new ServiceNorms().Plan(InitiativeStatus.Submitted, Theme.Social, Day("2026-03-02"), Day("2026-03-20"));

        plan[0].Should().Be((InitiativeStatus.Submitted, Day("2026-03-09")));
        plan[1].Should().Be((InitiativeStatus.Exploring, Day("2026-04-13"))); // 15 working days from 20 March, over Easter Monday
        ServiceNorms.IsOverdue(plan[0].ExpectedEnd, Day("2026-03-20")).Should().BeTrue();
        ServiceNorms.IsOverdue(plan[1].ExpectedEnd, Day("2026-04-13")).Should().BeFalse();
    }
}
