using System.Net;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Security;

/// <summary>Abuse limits on a hub configured with small ones.</summary>
public sealed class LimitsTests : ConfiguredHub
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Limits:WritesPerMinute"] = "3";
        settings["Limits:MaxRequestBodyBytes"] = "4096";
    }

    [Fact]
    public async Task A_person_over_the_write_limit_gets_429_with_Retry_After_and_reading_still_works()
    {
        var initiator = await Host.GraphQL().SignIn(TestPeople.Initiator);
        var other = await Host.GraphQL().SignIn(MatrixPeople.Get("resident"));
        const string query = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { errors { code } } }";
        var input = new { input = new { title = "Buurtfeest", neighbourhoodCode = "vijfhoek", theme = "SOCIAL" } };

        // The token request was the first write from this address; the limit counts per person once signed in.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await initiator.Http.PostAsJsonAsync("/graphql", new { query, variables = input });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.GetValues("Retry-After").Single().Should().MatchRegex("^[1-6]?[0-9]$");
                (await response.Content.ReadAsStringAsync()).Should().StartWith("U doet te veel verzoeken achter elkaar.");
            }
        }

        using var otherPerson = await other.Http.PostAsJsonAsync("/graphql", new { query, variables = input });
        using var read = await initiator.Http.GetAsync("/graphql?query=%7Bneighbourhoods%7Bcode%7D%7D");

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        otherPerson.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_gets_413_and_stores_nothing()
    {
        var client = await Host.GraphQL().SignIn(MatrixPeople.Get("other-initiator"));
        var title = new string('a', 5000);

        using var response = await client.Http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { errors { code } } }",
            variables = new { input = new { title, neighbourhoodCode = "duinwijk", theme = "SOCIAL" } },
        });
        var feed = await client.Send("{ neighbourhood(code: \"duinwijk\") { feed { items { sequence } } } }");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Be("Het verzoek is te groot: hoogstens 4096 bytes. (The request body can be at most 4096 bytes.)");
        feed.Data!.ToJsonString().Should().Be("""{"neighbourhood":{"feed":{"items":[]}}}""");
    }
}
