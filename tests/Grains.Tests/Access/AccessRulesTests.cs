using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Grains.Tests.Access;

/// <summary>Every action against every kind of person: the rules allow exactly the listed ones.</summary>
public sealed class AccessRulesTests
{
    private static readonly InitiativeAccess Initiative = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "initiator", "official", ["partner"]);

    private static readonly Dictionary<string, Actor?> People = new()
    {
        ["anonymous"] = null,
        ["resident"] = Person("resident", HubRole.Resident),
        ["initiator"] = Person("initiator", HubRole.Resident),
        ["other-initiator"] = Person("other-initiator", HubRole.Resident),
        ["partner"] = Person("partner", HubRole.Partner),
        ["official"] = Person("official", HubRole.Official),
        ["other-official"] = Person("other-official", HubRole.Official),
        ["coordinator"] = Person("coordinator", HubRole.Official, HubRole.Coordinator),
        ["council"] = Person("council", HubRole.Council),
        ["admin"] = Person("admin", HubRole.Admin),
        ["desk"] = Person("desk", HubRole.Desk),
        // Holding an id is not enough: the assigned official's id without the official role.
        ["official-id-as-resident"] = Person("official", HubRole.Resident),
    };

    private static readonly Dictionary<HubAction, string[]> Allowed = new()
    {
        [HubAction.SubmitInitiative] = ["resident", "initiator", "other-initiator", "official-id-as-resident"],
        [HubAction.EditInitiative] = ["initiator", "official", "coordinator"],
        [HubAction.Follow] = [.. People.Keys.Where(k => k != "anonymous")],
        [HubAction.ChangeStatus] = ["official", "coordinator"],
        [HubAction.Withdraw] = ["initiator"],
        [HubAction.ExtendStep] = ["official", "coordinator"],
        [HubAction.AssignContactOfficial] = ["coordinator"],
        [HubAction.ManagePartners] = ["initiator", "official", "coordinator"],
        [HubAction.ManageAgreements] = ["initiator", "official", "coordinator"],
        [HubAction.GiveInput] = ["resident", "initiator", "other-initiator", "official-id-as-resident"],
        [HubAction.SendMessage] = ["initiator", "official", "coordinator"],
        [HubAction.AnswerInput] = ["initiator", "official", "coordinator"],
        [HubAction.Rate] = ["resident", "initiator", "other-initiator", "official-id-as-resident"],
        [HubAction.ReadPrivate] = ["initiator", "partner", "official", "coordinator"],
        [HubAction.ReadOverview] = ["coordinator", "council", "admin"],
        [HubAction.ReadAuditTrail] = ["admin"],
        [HubAction.ReadWorkQueue] = ["coordinator"],
        [HubAction.ManageOwnData] = [.. People.Keys.Where(k => k != "anonymous")],
        [HubAction.OperateCluster] = ["admin"],
        [HubAction.ActForResident] = ["desk", "admin"],
        [HubAction.SendLettersAndCalls] = ["desk", "admin"],
    };

    private static Actor Person(string id, params HubRole[] roles) => new(id, id, roles.ToHashSet());

    public static TheoryData<HubAction> Actions() => [.. Enum.GetValues<HubAction>()];

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_action_is_allowed_to_exactly_the_expected_people(HubAction action)
    {
        var allowed = People.Where(p => AccessRules.Allows(p.Value, action, Initiative)).Select(p => p.Key).Order().ToList();

        allowed.Should().Equal(Allowed[action].Order());
    }

    [Fact]
    public void Every_action_has_an_expectation_and_a_rule_in_words()
    {
        Allowed.Keys.Should().BeEquivalentTo(Enum.GetValues<HubAction>());
        Enum.GetValues<HubAction>().Where(a => a is not HubAction.ManageOwnData)
            .Select(AccessRules.Describe).Should().OnlyContain(text => text != "You cannot do this.");
    }

    [Theory]
    [InlineData("official", "official", true)]
    [InlineData("official", "other-official", false)]
    [InlineData("coordinator", "official", true)]
    [InlineData("resident", "resident", false)]
    [InlineData("admin", "official", false)]
    [InlineData("anonymous", "official", false)]
    public void A_work_queue_is_for_its_official_and_coordinators(string person, string officialId, bool expected)
    {
        AccessRules.AllowsWorkQueue(People[person], officialId).Should().Be(expected);
    }

    [Fact]
    public void Without_an_initiative_no_relation_counts()
    {
        AccessRules.Allows(People["initiator"], HubAction.Withdraw).Should().BeFalse();
        AccessRules.Allows(People["official"], HubAction.ChangeStatus).Should().BeFalse();
        AccessRules.Allows(People["coordinator"], HubAction.ChangeStatus).Should().BeTrue();
    }
}
