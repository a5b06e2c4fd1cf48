using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Web.Identity;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>
/// The desk in a real browser: a desk worker registers a resident who phoned (errors next to the
/// fields first), records their consent, submits their initiative, and the resident hears of the
/// next step by letter (one PDF for the post run, marked posted once) and by a call from the desk;
/// later the resident takes their record over with DigiD using the code from the letter.
/// </summary>
public sealed class DeskJourneyTests(BrowserHubFixture hub) : IClassFixture<BrowserHubFixture>
{
    private IGrainFactory Grains => hub.Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Registers a resident on the desk's form (on the phone, without consent) and returns the resident's id.</summary>
    private static async Task<string> Register(IPage page, string name, string houseNumber)
    {
        await page.GotoAsync("/balie/registreren");
        await page.CheckAsync("#channel-Phone");
        await page.FillAsync("#name", name);
        await page.FillAsync("#street", "Kleverparkweg");
        await page.FillAsync("#houseNumber", houseNumber);
        await page.FillAsync("#postcode", "2023cd");
        await page.FillAsync("#town", "Haarlem");
        await page.FillAsync("#phone", "023 512 3456");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/balie/bewoner?gelukt=geregistreerd");
        return (await page.Locator("input[name=ResidentId]").First.GetAttributeAsync("value"))!;
    }

    private async Task<Guid> SubmitFor(IPage page, string title)
    {
        await page.CheckAsync("#submit-channel-Phone");
        await page.FillAsync("#submit-title", title);
        await page.FillAsync("#submit-summary", "Een bankje om even te zitten.");
        await page.SelectOptionAsync("#submit-theme", "Green");
        await page.SelectOptionAsync("#submit-neighbourhood", "kleverpark");
        await page.ClickAsync("section[aria-labelledby=indienen] button[type=submit]");
        await page.WaitForURLAsync("**gelukt=ingediend*");
        return Guid.Parse((await page.Locator("#message-initiative option", new() { HasText = title }).GetAttributeAsync("value"))!);
    }

    private async Task Advance(Guid id, InitiativeStatus status, string note)
    {
        (await Grains.GetGrain<IInitiativeGrain>(id).ChangeStatus(new StatusChangeRequest(status, note), "Sanne de Vries")).Errors.Should().BeEmpty();
        await hub.Host.Delivered(id.ToString());
    }

    private async Task AssignOfficial(Guid id)
    {
        var official = DevPersonas.Find("official")!.Actor;
        (await Grains.GetGrain<IInitiativeGrain>(id).AssignContactOfficial(
            new ContactOfficial(official.UserId, official.Name, "Gebiedsverbinder", "Noord", "s.devries@haarlem.nl", "023 511 5000"), "Kees Jansen", null)).Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_desk_registers_a_caller_submits_their_initiative_and_posts_the_letter_about_the_next_step_once()
    {
        var violations = new List<string>();
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "desk");
        await page.GotoAsync("/balie/registreren");
        await page.CheckAsync("#channel-Phone");
        await page.FillAsync("#name", "Truus Bakker");
        await page.FillAsync("#street", "Kleverparkweg");
        await page.FillAsync("#houseNumber", "12a");
        await page.FillAsync("#postcode", "2023");
        await page.FillAsync("#town", "Haarlem");
        await page.FillAsync("#phone", "023 51");
        await page.ClickAsync("main form button[type=submit]");
        var errors = await page.Locator(".error-summary li").AllInnerTextsAsync();
        var (postcodeError, phoneError) = (await page.Locator("#postcode-error").InnerTextAsync(), await page.Locator("#phone-error").InnerTextAsync());
        var kept = (await page.InputValueAsync("#name"), await page.InputValueAsync("#houseNumber"), await page.IsCheckedAsync("#channel-Phone"));
        violations.AddRange(await page.Check("desk-register-errors"));

        await page.FillAsync("#postcode", "2023cd");
        await page.FillAsync("#phone", "023 512 3456");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/balie/bewoner?gelukt=geregistreerd");
        var residentId = (await page.Locator("input[name=ResidentId]").First.GetAttributeAsync("value"))!;
        var registered = await page.Locator("main [role=status]").InnerTextAsync();
        var details = await page.Locator("#gegevens + dl").InnerTextAsync();
        violations.AddRange(await page.Check("desk-resident-registered"));

        // Without the resident's consent the desk cannot act for them.
        await page.FillAsync("#submit-title", "Bankje bij de bushalte");
        await page.FillAsync("#submit-summary", "Een bankje om even te zitten.");
        await page.ClickAsync("section[aria-labelledby=indienen] button[type=submit]");
        var noConsent = await page.Locator("section[aria-labelledby=indienen] .error-summary li").AllInnerTextsAsync();
        violations.AddRange(await page.Check("desk-submit-without-consent"));
        await page.CheckAsync("#consent-channel-Phone");
        await page.ClickAsync("text=Toestemming vastleggen");
        await page.WaitForURLAsync("**gelukt=toestemming");
        var id = await SubmitFor(page, "Bankje bij de bushalte");
        var submitted = await page.Locator("main [role=status]").InnerTextAsync();
        violations.AddRange(await page.Check("desk-submitted"));

        // The contact official sees who was helped and how; the public change log names no resident.
        await AssignOfficial(id);
        var official = await hub.NewPage();
        await PageChecks.SignIn(official, "official");
        await official.GotoAsync($"/werk/{id}");
        var initiatorOnWorkPage = await official.Locator("#initiatiefnemer").InnerTextAsync();
        violations.AddRange(await official.Check("work-initiative-via-desk"));

        await Advance(id, InitiativeStatus.Exploring, "We komen kijken bij de bushalte.");
        await page.GotoAsync("/balie/post");
        var waiting = await page.Locator("#wachtend").InnerTextAsync();
        var waitingRows = await page.Locator("section[aria-labelledby=wachtend] tbody tr").AllInnerTextsAsync();
        violations.AddRange(await page.Check("desk-post-waiting"));
        await page.ClickAsync("text=Maak de post van vandaag");
        await page.WaitForURLAsync("**gelukt=run-*");
        var started = await page.Locator("main [role=status]").InnerTextAsync();
        var runId = long.Parse(started.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var afterRun = await page.Locator("#wachtend").InnerTextAsync();

        await using var pdf = await page.Context.APIRequest.GetAsync($"/balie/post?handler=Pdf&runId={runId}");
        var pdfBytes = await pdf.BodyAsync();
        await using var again = await page.Context.APIRequest.GetAsync($"/balie/post?handler=Pdf&runId={runId}");
        var lines = PdfLines(pdfBytes);
        var againLines = PdfLines(await again.BodyAsync());

        await page.ClickAsync($"button[aria-label='Gepost: post {runId}']");
        await page.WaitForURLAsync("**gelukt=gepost-*");
        var posted = await page.Locator("main [role=status]").InnerTextAsync();
        await page.ClickAsync($"button[aria-label='Gepost: post {runId}']");
        var postedTwice = await page.Locator(".error-summary li").AllInnerTextsAsync();
        violations.AddRange(await page.Check("desk-post-posted-twice"));
        await page.ClickAsync("text=Maak de post van vandaag");
        var nothing = await page.Locator(".error-summary li").AllInnerTextsAsync();
        var record = await Grains.GetGrain<IPersonGrain>(residentId).GetRecord();
        var today = DutchDate(DateOnly.FromDateTime(hub.Host.Time.GetUtcNow().Date));

        errors.Should().Equal(
            "De postcode klopt niet. Schrijf vier cijfers en twee letters, bijvoorbeeld 2011 AB.",
            "Het telefoonnummer klopt niet. Schrijf tien cijfers, bijvoorbeeld 06 12345678.");
        (postcodeError, phoneError).Should().Be((errors[0], errors[1]));
        kept.Should().Be(("Truus Bakker", "12a", true));
        registered.Should().Be("De inwoner is ingeschreven. De inwoner krijgt een brief met een code om het later zelf over te nemen met DigiD.");
        details.Should().Be($"""
            Naam
            Truus Bakker
            Adres
            Kleverparkweg 12a, 2023 CD Haarlem
            Telefoonnummer
            0235123456
            E-mailadres
            geen
            Taal van brieven en e-mails
            Nederlands
            Toestemming
            nog niet gegeven
            Code om over te nemen met DigiD
            {record!.TakeOverCode}, geldig tot {DutchDate(DateOnly.FromDateTime(hub.Host.Time.GetUtcNow().AddYears(1).Date))}
            """);
        noConsent.Should().Equal("Leg eerst de toestemming van de inwoner vast.");
        submitted.Should().Be("Het initiatief is ingediend namens de inwoner.");
        initiatorOnWorkPage.Should().Be("Initiatiefnemer: Truus Bakker (ingediend of doorgegeven aan de telefoon, namens Truus Bakker, door Bea Balie) · Telefoonnummer: 0235123456");
        // Both pieces of news (the contact official, then the new step) go in one letter.
        waiting.Should().Be("Wacht op de post: 2 berichten");
        waitingRows.Should().Equal("Truus Bakker\t2023 CD\t2");
        started.Should().Be($"Post {runId} is gemaakt. Print de brieven en zet de post daarna op gepost.");
        afterRun.Should().Be("Wacht op de post: 0 berichten");
        pdf.Headers["content-type"].Should().Be("application/pdf");
        lines.Should().ContainInOrder(
            "Gemeente Haarlem",
            "Truus Bakker", "Kleverparkweg 12a", "2023 CD HAARLEM",
            $"Haarlem, {today}",
            "Nieuws over uw initiatief",
            "Beste Truus Bakker,",
            "Bankje bij de bushalte",
            $"{today}: De contactpersoon is nu Sanne de Vries (Gebiedsverbinder, Noord).",
            $"{today}: Verkenning: We komen kijken bij de bushalte.",
            "Sanne de Vries, Gebiedsverbinder (Noord)",
            "Telefoon: 023 511 5000");
        lines.Should().Contain(line => line.StartsWith("Stap: Verkenning. Deze stap is klaar rond ", StringComparison.Ordinal));
        lines.Should().Contain(line => line.Contains(record!.TakeOverCode!, StringComparison.Ordinal));
        againLines.Should().Equal(lines);
        posted.Should().Be($"Post {runId} staat op gepost.");
        postedTwice.Should().Equal("Deze post staat al op gepost.");
        nothing.Should().Equal("Er wachten geen brieven. Er is niets om te printen.");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_resident_who_chose_a_call_is_called_again_the_next_day_when_not_reached()
    {
        var violations = new List<string>();
        var page = await hub.NewPage();
        await PageChecks.SignIn(page, "desk");
        await Register(page, "Piet Smit", "14");
        await page.CheckAsync("#consent-channel-Counter");
        await page.ClickAsync("text=Toestemming vastleggen");
        await page.WaitForURLAsync("**gelukt=toestemming");
        await page.SelectOptionAsync("#notices-OwnInitiative", "Phone");
        await page.ClickAsync("section[aria-labelledby=meldingen] button[type=submit]");
        await page.WaitForURLAsync("**gelukt=meldingen");
        var saved = await page.Locator("main [role=status]").InnerTextAsync();
        var id = await SubmitFor(page, "Plantenbak voor nummer 14");
        await AssignOfficial(id);
        await Advance(id, InitiativeStatus.Exploring, "We bellen u voor een afspraak.");
        var expected = DutchDate((await Grains.GetGrain<IInitiativeGrain>(id).GetTimeline())!.Ahead.First(s => s.IsCurrent).ExpectedEnd);

        await page.GotoAsync("/balie/bellen");
        var call = await page.Locator("article", new() { HasText = "Bel Piet Smit" }).InnerTextAsync();
        violations.AddRange(await page.Check("desk-calls"));
        await page.ClickAsync("button[aria-label='Niet gesproken, morgen opnieuw: Piet Smit']");
        await page.WaitForURLAsync("**gelukt=NotReached");
        var notReached = await page.Locator("main [role=status]").InnerTextAsync();
        var leftToday = await page.Locator("article", new() { HasText = "Bel Piet Smit" }).CountAsync();

        hub.Host.Time.Advance(TimeSpan.FromDays(1));
        await page.GotoAsync("/balie/bellen");
        var tomorrow = await page.Locator("article", new() { HasText = "Bel Piet Smit" }).InnerTextAsync();
        await page.ClickAsync("button[aria-label='Gesproken: Piet Smit']");
        await page.WaitForURLAsync("**gelukt=Reached");
        var reached = await page.Locator("main [role=status]").InnerTextAsync();
        var leftAfter = await page.Locator("article", new() { HasText = "Bel Piet Smit" }).CountAsync();
        violations.AddRange(await page.Check("desk-calls-done"));

        saved.Should().Be("De keuzes voor berichten zijn opgeslagen.");
        // One call tells both pieces of news: the contact official, and the new step.
        call.Should().Be($"""
            Bel Piet Smit
            Telefoonnummer
            0235123456
            Keren gebeld
            0
            Initiatief
            Plantenbak voor nummer 14
            Vertel
            De contactpersoon is nu Sanne de Vries (Gebiedsverbinder, Noord).
            Het initiatief staat op
            Verkenning, klaar rond {expected}
            Contactpersoon
            Sanne de Vries, 023 511 5000
            Initiatief
            Plantenbak voor nummer 14
            Vertel
            Verkenning: We bellen u voor een afspraak.
            Het initiatief staat op
            Verkenning, klaar rond {expected}
            Contactpersoon
            Sanne de Vries, 023 511 5000
            Gesproken Niet gesproken, morgen opnieuw
            """);
        notReached.Should().Be("Vastgelegd: de inwoner is niet gesproken. Het telefoontje staat morgen weer in de lijst.");
        leftToday.Should().Be(0);
        tomorrow.Should().Contain("Keren gebeld\n1");
        reached.Should().Be("Vastgelegd: de inwoner is gesproken.");
        leftAfter.Should().Be(0);
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_resident_takes_their_desk_record_over_with_the_code_and_a_wrong_or_used_code_is_refused()
    {
        var violations = new List<string>();
        var desk = await hub.NewPage();
        await PageChecks.SignIn(desk, "desk");
        var residentId = await Register(desk, "Bas Bewoner", "20");
        await desk.CheckAsync("#consent-channel-Counter");
        await desk.ClickAsync("text=Toestemming vastleggen");
        await desk.WaitForURLAsync("**gelukt=toestemming");
        var id = await SubmitFor(desk, "Boom op het pleintje");
        await hub.Host.Delivered(id.ToString());
        var code = (await Grains.GetGrain<IPersonGrain>(residentId).GetRecord())!.TakeOverCode!;

        var resident = await hub.NewPage();
        await PageChecks.SignIn(resident, "resident");
        await resident.GotoAsync("/gegevens/overnemen");
        await resident.FillAsync("#code", "ABCD-EFGH");
        await resident.ClickAsync("main form button[type=submit]");
        var unknown = await resident.Locator("#code-error").InnerTextAsync();
        violations.AddRange(await resident.Check("take-over-unknown-code"));
        await resident.FillAsync("#code", code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await resident.ClickAsync("main form button[type=submit]");
        await resident.WaitForURLAsync("**/gegevens?overgenomen=1");
        var done = await resident.Locator("main [role=status]").InnerTextAsync();
        await resident.GotoAsync("/mijn");
        var mine = await resident.Locator("#mijn-initiatieven a", new() { HasText = "Boom op het pleintje" }).GetAttributeAsync("href");
        violations.AddRange(await resident.Check("take-over-mine"));
        await resident.GotoAsync("/gegevens/overnemen");
        await resident.FillAsync("#code", code);
        await resident.ClickAsync("main form button[type=submit]");
        var again = await resident.Locator("#code-error").InnerTextAsync();

        unknown.Should().Be("Deze code kennen we niet. Kijk de code na in uw brief, of vraag de balie om een nieuwe code.");
        done.Should().Be("U heeft uw gegevens van de balie overgenomen. U ziet nu alles hier.");
        mine.Should().Be($"/mijn/{id}");
        again.Should().Be("Deze code is al gebruikt. Elke code werkt één keer. Vraag de balie om een nieuwe code.");
        violations.Should().BeEmpty();
    }

    private static string DutchDate(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>The PDF's text as lines, top to bottom, words joined by one space.</summary>
    private static IReadOnlyList<string> PdfLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.GetWords()
            .GroupBy(word => Math.Round(word.BoundingBox.Bottom))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(" ", line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text))))];
    }
}
