using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>
/// Every mutation and every private query, through the real HTTP endpoint with real bearer tokens,
/// against every role, an anonymous visitor and the initiator of another initiative. Each case
/// starts from a fresh initiative prepared so that an allowed call succeeds: the exact errors
/// are [] when allowed, [UNAUTHENTICATED] for the anonymous visitor and [FORBIDDEN] otherwise.
/// </summary>
public sealed class AuthorizationMatrixTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private sealed record Mutation(string Name, string InputType, Func<Guid, object> Input, string[] Allowed, Func<IInitiativeGrain, Task>? Prepare = null);

    private const string Writers = "initiator official coordinator";

    private static readonly Mutation[] Mutations =
    [
        new("changeStatus", "ChangeStatusInput",
            id => new { initiativeId = id, status = "EXPLORING", explanation = "We hebben met u gepraat." }, ["official", "coordinator"]),
        new("changeStatus", "ChangeStatusInput",
            id => new { initiativeId = id, status = "WITHDRAWN", explanation = "We stoppen.", reason = "Het plan kan niet door." }, ["initiator"]),
        new("updateInitiative", "UpdateInitiativeInput",
            id => new { initiativeId = id, title = "Speelplein aan het water", plan = "Zand, een schommel en twee bankjes." }, Writers.Split(' ')),
        new("escalate", "EscalateInput",
            id => new { initiativeId = id, reason = "De eigenaar van de grond reageert niet." }, ["official", "coordinator"]),
        new("withdrawInitiative", "WithdrawInitiativeInput",
            id => new { initiativeId = id, reason = "We verhuizen." }, ["initiator"]),
        new("sendMessage", "SendMessageInput",
            id => new { initiativeId = id, text = "Kunnen we donderdag bellen?" }, Writers.Split(' ')),
        new("follow", "FollowInput",
            id => new { initiativeId = id }, [.. MatrixPeople.All.Keys.Where(k => k != "anonymous")]),
        new("extendStep", "ExtendStepInput",
            id => new { initiativeId = id, newDate = "2026-03-20", reason = "De contactpersoon is ziek." }, ["official", "coordinator"]),
        new("assignContactOfficial", "AssignContactOfficialInput",
            id => new { initiativeId = id, officialId = "matrix-other-official", name = "Piet Bakker", role = "Wijkregisseur", team = "Noord", email = "p.bakker@haarlem.nl", reason = "Verlof." },
            ["coordinator"]),
        new("addPartner", "AddPartnerInput",
            id => new { initiativeId = id, name = "Sportclub", kind = "BUSINESS", role = "Leent ballen uit" }, Writers.Split(' ')),
        new("removePartner", "RemovePartnerInput",
            id => new { initiativeId = id, name = "Pré Wonen" }, Writers.Split(' ')),
        new("recordAgreement", "RecordAgreementInput",
            id => new { initiativeId = id, who = "De gemeente", what = "plaatst twee bankjes", due = "2026-04-01" }, Writers.Split(' ')),
        new("markAgreement", "MarkAgreementInput",
            id => new { initiativeId = id, number = 1, kept = true }, Writers.Split(' '),
            grain => grain.RecordAgreement("De gemeente", "maait het gras", new DateOnly(2026, 4, 1), "Sanne de Vries")),
        new("giveInput", "GiveInputInput",
            id => new { initiativeId = id, kind = "QUESTION", text = "Komt er een schommel?" }, ["resident", "initiator", "other-initiator"]),
        new("answerInput", "AnswerInputInput",
            id => new { initiativeId = id, number = 1, text = "Ja, er komt een schommel.", outcome = "ADOPTED" }, Writers.Split(' '),
            grain => grain.GiveInput("matrix-resident", InputKind.Question, "Komt er een schommel?")),
        new("rateService", "RateServiceInput",
            id => new { initiativeId = id, milestone = "AFTER_EXPLORING", mark = 8, fast = 4, relevant = 4, transparent = 5, consistent = 4, personal = 5, involved = 4, simple = 5 },
            ["initiator", "resident"],
            async grain =>
            {
                await grain.GiveInput("matrix-resident", InputKind.Idea, "Een bankje erbij.");
                await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
                await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");
            }),
    ];

    public static TheoryData<int, string> MutationCases()
    {
        var cases = new TheoryData<int, string>();
        for (var m = 0; m < Mutations.Length; m++)
        {
            foreach (var person in MatrixPeople.All.Keys)
            {
                cases.Add(m, person);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(MutationCases))]
    public async Task Each_mutation_is_allowed_exactly_to_the_people_the_rules_name(int mutationIndex, string person)
    {
        var mutation = Mutations[mutationIndex];
        var (grain, id) = await FreshInitiative();
        if (mutation.Prepare is { } prepare)
        {
            await prepare(grain);
        }

        var client = await Client(person);
        var response = await client.Send(
            $"mutation($input: {mutation.InputType}!) {{ {mutation.Name}(input: $input) {{ errors {{ code }} }} }}",
            new { input = mutation.Input(id) });

        var errors = response.Data![mutation.Name]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        var other = person == "other-initiator" && mutation.Name == "rateService" ? "NOT_ALLOWED" : null;
        errors.Should().Equal(Expected(mutation.Allowed, person, other));
    }

    public static TheoryData<string> People() => [.. MatrixPeople.All.Keys];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_residents_can_submit_an_initiative(string person)
    {
        var client = await Client(person);
        var response = await client.Send(
            "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { errors { code } } }",
            new { input = new { title = "Buurtfeest", neighbourhoodCode = "vijfhoek", theme = "SOCIAL" } });

        response.Data!["submitInitiative"]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())
            .Should().Equal(Expected(["resident", "initiator", "other-initiator"], person));
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task The_initiator_and_their_contact_details_are_private(string person)
    {
        var (_, id) = await FreshInitiative();
        var client = await Client(person);

        var response = await client.Send("query($id: ID!) { initiative(id: $id) { title initiator { name email phone } } }", new { id });
        var messages = await client.Send("query($id: ID!) { initiative(id: $id) { messages { text } } }", new { id });

        var expected = Expected(["initiator", "partner", "official", "coordinator"], person);
        if (expected.Count == 0)
        {
            response.Errors.Should().BeNull();
            JsonNode.DeepEquals(response.Data, JsonNode.Parse($$"""
                { "initiative": { "title": "Speelplein", "initiator": { "name": "Test matrix-initiator", "email": "ilse@example.nl", "phone": null } } }
                """)).Should().BeTrue(response.Data?.ToJsonString());
        }
        else
        {
            response.Data!["initiative"]!["title"]!.GetValue<string>().Should().Be("Speelplein");
            response.Data["initiative"]!["initiator"].Should().BeNull();
            response.Errors!.Select(e => e!["extensions"]!["code"]!.GetValue<string>()).Should().Equal(expected);
        }

        Codes(messages).Should().Equal(expected);
        messages.Data!["initiative"]!["messages"]?.ToJsonString().Should().Be(expected.Count == 0 ? "[]" : null);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Overviews_the_audit_trail_and_work_queues_are_for_their_roles_only(string person)
    {
        var client = await Client(person);

        var agenda = await client.Send("{ escalations { initiativeId } }");
        var audit = await client.Send("{ auditTrail(day: \"2026-03-02\") { action } }");
        var queue = await client.Send("{ workQueue(officialId: \"matrix-official\") { initiativeId } }");
        var myQueue = await client.Send("{ myWorkQueue { initiativeId } }");

        Codes(agenda).Should().Equal(Expected(["coordinator", "council", "admin"], person));
        Codes(audit).Should().Equal(Expected(["admin"], person));
        Codes(queue).Should().Equal(Expected(["official", "coordinator"], person));
        Codes(myQueue).Should().Equal(Expected(["official", "other-official", "coordinator"], person));
    }

    private static List<string> Codes(GraphQLResponse response) =>
        response.Errors?.Select(e => e!["extensions"]!["code"]!.GetValue<string>()).ToList() ?? [];

    private static List<string> Expected(string[] allowed, string person, string? otherwise = null) =>
        allowed.Contains(person) ? []
        : person == "anonymous" ? ["UNAUTHENTICATED"]
        : otherwise is not null ? [otherwise]
        : ["FORBIDDEN"];

    private async Task<GraphQLClient> Client(string person)
    {
        var client = fixture.Host.GraphQL();
        return MatrixPeople.All[person] is { } actor ? await client.SignIn(actor) : client;
    }

    /// <summary>An initiative by the matrix initiator, with the matrix official as contact and a partner whose contact is the matrix partner.</summary>
    private async Task<(IInitiativeGrain Grain, Guid Id)> FreshInitiative()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        await grain.Submit(new SubmitInitiative("Speelplein", "Een plek om te spelen.", "vijfhoek", Theme.Play, "ilse@example.nl"), MatrixPeople.Get(MatrixPeople.Initiator));
        await grain.AssignContactOfficial(new ContactOfficial("matrix-official", "Sanne de Vries", "Wijkregisseur", "Centrum", "s.devries@haarlem.nl", null), "Kees Jansen", null);
        await grain.AddPartner(new Partner("Pré Wonen", PartnerKind.HousingCorporation, "Levert de grond", "matrix-partner"), "Initiatiefnemer");
        return (grain, id);
    }
}
