using System.Net;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Pages;

/// <summary>What was API-only before, now in the workspaces: changing the texts, removing a partner, withdrawing.</summary>
public sealed class WorkspaceFormTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    private readonly HttpClient _browser = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(Guid Id, IInitiativeGrain Grain)> Started(string title)
    {
        var id = Guid.NewGuid();
        var initiator = HubClaims.Principal(HubClaims.For(DevPersonas.Find("initiator")!.Actor), "test");
        var commands = fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<InitiativeCommands>();
        (await commands.Submit(initiator, id, new SubmitInitiative(title, "Een plan.", "kleverpark", Theme.Green), CancellationToken.None)).Errors.Should().BeEmpty();
        await _browser.SignInAs("initiator");
        return (id, fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInitiativeGrain>(id));
    }

    [Fact]
    public async Task The_initiator_changes_the_texts_and_a_blank_title_is_refused_with_the_rule_keeping_what_was_typed()
    {
        var (id, grain) = await Started("Pluktuin");

        using var blank = await _browser.PostForm($"/mijn/{id}", new() { ["EditTitle"] = " ", ["EditSummary"] = "Fruitbomen voor iedereen." }, $"/mijn/{id}?handler=Update");
        var refused = await blank.Content.ReadAsStringAsync();
        using var saved = await _browser.PostForm($"/mijn/{id}", new() { ["EditTitle"] = "Pluktuin Kleverpark", ["EditSummary"] = "Fruitbomen voor iedereen." }, $"/mijn/{id}?handler=Update");
        var log = (await grain.GetFile())!.ChangeLog.Select(c => (c.What, c.Before, c.After)).ToList();

        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Should().Contain("<p class=\"utrecht-form-field-error-message\" id=\"editTitle-error\">Vul een titel in.</p>").And.Contain(">Fruitbomen voor iedereen.</textarea>");
        (saved.StatusCode, saved.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"/mijn/{id}?gelukt=update"));
        log.Should().Equal(("Titel", "Pluktuin", "Pluktuin Kleverpark"), ("Beschrijving", "Een plan.", "Fruitbomen voor iedereen."));
        (await grain.GetDetails())!.Title.Should().Be("Pluktuin Kleverpark");
    }

    [Fact]
    public async Task The_initiator_removes_a_partner_and_one_that_is_not_there_is_named()
    {
        var (id, grain) = await Started("Buurtkast");
        (await grain.AddPartner(new Partner("Elan Wonen", PartnerKind.HousingCorporation, "Levert de kast"), "De initiatiefnemer")).Errors.Should().BeEmpty();
        var page = await _browser.GetStringAsync($"/mijn/{id}");

        using var removed = await _browser.PostForm($"/mijn/{id}", new() { ["RemoveName"] = "Elan Wonen" }, $"/mijn/{id}?handler=RemovePartner");
        using var again = await _browser.PostForm($"/mijn/{id}", new() { ["RemoveName"] = "Elan Wonen" }, $"/mijn/{id}?handler=RemovePartner");

        page.Should().Contain("<input type=\"hidden\" name=\"RemoveName\" value=\"Elan Wonen\" />");
        (removed.StatusCode, removed.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"/mijn/{id}?gelukt=removepartner"));
        (await grain.GetFile())!.Partners.Should().BeEmpty();
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).Should().Contain("id=\"removepartner-error\">Deze partner staat niet (meer) bij het initiatief.</p>");
    }

    [Fact]
    public async Task The_initiator_withdraws_with_a_reason_and_without_one_is_asked_for_it()
    {
        var (id, grain) = await Started("Zitbank");

        using var noReason = await _browser.PostForm($"/mijn/{id}", new() { ["WithdrawReason"] = "" }, $"/mijn/{id}?handler=Withdraw");
        var statusAfterRefusal = (await grain.GetDetails())!.Status;
        using var withdrawn = await _browser.PostForm($"/mijn/{id}", new() { ["WithdrawReason"] = "We zijn verhuisd." }, $"/mijn/{id}?handler=Withdraw");
        var timeline = (await grain.GetTimeline())!;
        var page = await _browser.GetStringAsync($"/mijn/{id}");

        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("<p class=\"utrecht-form-field-error-message\" id=\"withdrawReason-error\">Schrijf een reden op.</p>");
        statusAfterRefusal.Should().Be(InitiativeStatus.Submitted);
        (withdrawn.StatusCode, withdrawn.Headers.Location?.OriginalString).Should().Be((HttpStatusCode.Redirect, $"/mijn/{id}?gelukt=withdraw"));
        (timeline.Passed[^1].Status, timeline.Passed[^1].Reason, timeline.Passed[^1].SetBy).Should().Be((InitiativeStatus.Withdrawn, "We zijn verhuisd.", "Initiatiefnemer"));
        page.Should().NotContain("id=\"stoppen\"");
    }

    [Fact]
    public async Task Only_the_initiator_sees_the_withdraw_form_and_another_resident_cannot_withdraw()
    {
        var (id, grain) = await Started("Moestuin");
        var other = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await other.SignInAs("resident");

        var mine = await _browser.GetStringAsync($"/mijn/{id}");
        using var refused = await other.GetAsync($"/mijn/{id}");

        mine.Should().Contain("<h2 class=\"utrecht-heading-2\" id=\"stoppen\">Stoppen met dit initiatief</h2>");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.Should().Be("/auth/denied");
        (await grain.GetDetails())!.Status.Should().Be(InitiativeStatus.Submitted);
    }
}
