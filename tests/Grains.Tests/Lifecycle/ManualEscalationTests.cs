using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

public sealed class ManualEscalationTests(HubTestCluster hub) : IClassFixture<HubTestCluster>
{
    [Fact]
    public async Task The_contact_official_puts_an_initiative_on_the_agenda_once_with_a_reason()
    {
        var (grain, id, _) = await hub.SubmitInNewNeighbourhood("Speeltuin aan de Spaarne");

        var empty = await grain.Escalate("  ", "Sanne de Vries");
        var done = await grain.Escalate("De eigenaar van de grond reageert niet.", "Sanne de Vries");
        var again = await grain.Escalate("Nog steeds niets.", "Sanne de Vries");

        empty.Errors.Should().Equal(new UserError(UserErrorCodes.Required, "reason", "Say why the initiative needs the Bestuur op Maat agenda."));
        done.Errors.Should().BeEmpty();
        again.Errors.Should().Equal(new UserError("ALREADY_ESCALATED", "initiativeId", "The initiative is on the Bestuur op Maat agenda already."));
        await grain.DeliverOutbox();
        var item = (await EscalationAgenda.Get(hub.Grains).List()).Single(i => i.InitiativeId == id);
        (item.Title, item.Reason, item.WorkingDaysOverdue).Should().Be(("Speeltuin aan de Spaarne", "Sanne de Vries: De eigenaar van de grond reageert niet.", 0));
        (await grain.GetFile())!.ChangeLog.Select(c => (c.What, c.After, c.By, c.Reason)).Should().Equal(
            ("Bestuur op Maat", "op de agenda", "Sanne de Vries", "De eigenaar van de grond reageert niet."));
    }
}
