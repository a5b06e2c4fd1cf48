using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Pages;

public sealed class InitiativePageTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    [Fact]
    public async Task The_initiative_page_shows_an_extension_with_its_reason_and_the_moved_date()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var initiative = grains.GetGrain<IInitiativeGrain>(id);
        await initiative.Submit(new SubmitInitiative("Bloembakken", "Bloembakken op de brug.", "vogelenwijk", Theme.Green));
        await initiative.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 3, 20), "De contactpersoon is ziek."), "Sanne de Vries");

        var page = await fixture.Host.CreateClient().GetStringAsync($"/initiatives/{id}");

        page.Should().Contain("klaar rond <time datetime=\"2026-03-20\">20 maart 2026</time>\n                (verlengd)")
            .And.Contain("Ingediend: van 9 maart 2026 naar 20 maart 2026.")
            .And.Contain("Reden: De contactpersoon is ziek. (Sanne de Vries, 2 maart 2026)");
    }
}
