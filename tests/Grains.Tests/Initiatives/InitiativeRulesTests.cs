using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Tests.Initiatives;

public sealed class InitiativeRulesTests
{
    private static readonly SubmitInitiative Valid = new("Geveltuin", "Planten langs de gevels.", "leidsebuurt", Theme.Green);

    [Fact]
    public void A_complete_submission_has_no_errors() =>
        InitiativeRules.Validate(Valid).Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_or_whitespace_title_is_required(string title) =>
        InitiativeRules.Validate(Valid with { Title = title }).Should().Equal(
            new UserError("REQUIRED", "title", "The title is required and cannot be only spaces."));

    [Fact]
    public void A_title_of_120_characters_is_fine_and_121_is_too_long()
    {
        InitiativeRules.Validate(Valid with { Title = new string('a', 120) }).Should().BeEmpty();
        InitiativeRules.Validate(Valid with { Title = new string('a', 121) }).Should().Equal(
            new UserError("TOO_LONG", "title", "The title can be at most 120 characters."));
    }

    [Fact]
    public void A_summary_over_2000_characters_is_too_long()
    {
        InitiativeRules.Validate(Valid with { Summary = new string('b', 2000) }).Should().BeEmpty();
        InitiativeRules.Validate(Valid with { Summary = new string('b', 2001) }).Should().Equal(
            new UserError("TOO_LONG", "summary", "The summary can be at most 2000 characters."));
    }

    [Fact]
    public void An_empty_neighbourhood_code_is_required() =>
        InitiativeRules.Validate(Valid with { NeighbourhoodCode = " " }).Should().Equal(
            new UserError("REQUIRED", "neighbourhoodCode", "The neighbourhood code is required."));

    [Fact]
    public void A_theme_outside_the_list_is_unknown() =>
        InitiativeRules.Validate(Valid with { Theme = (Theme)42 }).Should().Equal(
            new UserError("UNKNOWN_THEME", "theme", "The theme must be one of the listed themes."));

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        InitiativeRules.Validate(new SubmitInitiative("", new string('x', 2001), "", (Theme)42))
            .Select(e => (e.Code, e.Field))
            .Should().Equal(("REQUIRED", "title"), ("TOO_LONG", "summary"), ("REQUIRED", "neighbourhoodCode"), ("UNKNOWN_THEME", "theme"));

    [Fact]
    public void Normalising_trims_what_was_typed() =>
        InitiativeRules.Normalise(new SubmitInitiative("  Buurtfeest ", " Samen eten. ", " leidsebuurt ", Theme.Social))
            .Should().Be(new SubmitInitiative("Buurtfeest", "Samen eten.", "leidsebuurt", Theme.Social));
}
