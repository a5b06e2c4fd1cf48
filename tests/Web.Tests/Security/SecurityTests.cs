using System.Net;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Security;

public sealed class SecurityTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private HttpClient Browser() => fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_the_development_notice()
    {
        using var response = await Browser().GetAsync("/buurten/vijfhoek");

        // The map tiles' server (the default, PDOK) may serve images, and nothing else.
        response.Headers.GetValues("Content-Security-Policy").Should().Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://service.pdok.nl; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Ontwikkelmodus: iedereen kan inloggen als elke rol, zonder wachtwoord.");
    }

    [Fact]
    public async Task Text_a_person_typed_is_shown_encoded_and_never_runs()
    {
        var client = await fixture.Host.GraphQL().SignIn(TestPeople.Initiator);
        var submitted = await client.Send(
            "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } } }",
            new { input = new { title = "<script>alert('x')</script>", summary = "<img src=x onerror=alert(1)>", neighbourhoodCode = "vijfhoek", theme = "OTHER" } });
        var id = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        await fixture.Host.Delivered(id);

        var page = await Browser().GetStringAsync($"/initiatieven/{id}");
        var feed = await Browser().GetStringAsync("/buurten/vijfhoek");

        page.Should().Contain("<h1 class=\"utrecht-heading-1\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</h1>").And.NotContain("<script>alert").And.NotContain("<img src=x");
        feed.Should().Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;").And.NotContain("<script>alert");
    }

    [Fact]
    public async Task The_cluster_dashboard_is_for_admins_only()
    {
        using var anonymous = await Browser().GetAsync("/dashboard");
        var resident = Browser();
        await resident.SignInAs("resident");
        using var residentResponse = await resident.GetAsync("/dashboard");
        var admin = Browser();
        await admin.SignInAs("admin");
        using var adminResponse = await admin.GetAsync("/dashboard/");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().Should().Be("http://localhost/auth/signin?ReturnUrl=%2Fdashboard");
        residentResponse.StatusCode.Should().Be(HttpStatusCode.Redirect);
        residentResponse.Headers.Location!.ToString().Should().Be("http://localhost/auth/denied?ReturnUrl=%2Fdashboard");
        adminResponse.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_in_shows_the_name_and_a_return_address_elsewhere_is_ignored()
    {
        var browser = Browser();
        var page = await browser.GetStringAsync("/auth/dev?returnUrl=https://evil.example/");
        using var response = await browser.PostAsync("/auth/dev", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserSignIn.AntiforgeryToken(page),
            ["persona"] = "council",
            ["returnUrl"] = "//evil.example/",
        }));
        var home = await browser.GetStringAsync("/");

        response.Headers.Location!.ToString().Should().Be("/");
        home.Should().Contain("<a href=\"/gegevens\" class=\"utrecht-link\">Fatima el Amrani</a>");
    }

    [Fact]
    public async Task A_development_token_request_with_bad_fields_names_each_field_and_rule()
    {
        using var response = await Browser().PostAsJsonAsync("/auth/dev/token", new { userId = "", roles = new[] { "resident", "mayor" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.DeepEquals(JsonNode.Parse(await response.Content.ReadAsStringAsync()), JsonNode.Parse("""
            { "errors": [
              { "field": "userId", "code": "REQUIRED", "message": "userId is required: 1 to 100 characters." },
              { "field": "name", "code": "REQUIRED", "message": "name is required: 1 to 100 characters." },
              { "field": "roles", "code": "INVALID", "message": "roles must list one or more of: resident, partner, official, coordinator, council, admin, desk." } ] }
            """)).Should().BeTrue();
    }

    [Fact]
    public async Task A_forged_or_expired_token_counts_as_not_signed_in()
    {
        var client = fixture.Host.GraphQL();
        client.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJlLW1hZGUtdXA");

        var me = await client.Send("{ me { userId } }");
        var response = await client.Send("{ auditTrail(day: \"2026-03-02\") { action } }");

        me.Data!.ToJsonString().Should().Be("""{"me":null}""");
        response.Errors!.Select(e => e!["extensions"]!["code"]!.GetValue<string>()).Should().Equal("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Every_change_and_every_refusal_is_in_the_audit_trail_for_admins()
    {
        var initiator = await fixture.Host.GraphQL().SignIn(TestPeople.Initiator);
        var submitted = await initiator.Send(
            "mutation($input: SubmitInitiativeInput!) { submitInitiative(input: $input) { initiative { id } } }",
            new { input = new { title = "Audit", neighbourhoodCode = "vijfhoek", theme = "OTHER" } });
        var id = submitted.Data!["submitInitiative"]!["initiative"]!["id"]!.GetValue<string>();
        await fixture.Host.Delivered(id);
        await initiator.Send(
            "mutation($input: ChangeStatusInput!) { changeStatus(input: $input) { errors { code } } }",
            new { input = new { initiativeId = id, status = "EXPLORING", explanation = "Zelf gedaan." } });
        var admin = await fixture.Host.GraphQL().SignIn(MatrixPeople.Get("admin"));

        var audit = await admin.Send("{ auditTrail(day: \"2026-03-02\") { at userId userName action initiativeId outcome } }");

        var mine = audit.Data!["auditTrail"]!.AsArray().Where(e => e!["initiativeId"]?.GetValue<string>() == id).ToList();
        JsonNode.DeepEquals(new JsonArray([.. mine.Select(e => e!.DeepClone())]), JsonNode.Parse($$"""
            [ { "at": "2026-03-02T08:00:00+00:00", "userId": "initiator-1", "userName": "Ilse de Boer", "action": "submitInitiative", "initiativeId": "{{id}}", "outcome": "DONE" },
              { "at": "2026-03-02T08:00:00+00:00", "userId": "initiator-1", "userName": "Ilse de Boer", "action": "changeStatus", "initiativeId": "{{id}}", "outcome": "DENIED" } ]
            """)).Should().BeTrue(new JsonArray([.. mine.Select(e => e!.DeepClone())]).ToJsonString());
    }
}
