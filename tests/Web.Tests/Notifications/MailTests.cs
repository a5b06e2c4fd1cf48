using System.Net;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Testing;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Threading.Channels;
using MimeKit;
using netDumbster.smtp;

namespace Haarlem.Initiatives.Web.Tests.Notifications;

/// <summary>Notices over real SMTP to a mail server on loopback (netDumbster), through the hub's own settings page and unsubscribe link.</summary>
public sealed class MailTests : ConfiguredHub, IDisposable
{
    private static readonly Actor Initiator = new("dev-initiator", "Ilse de Boer", new HashSet<HubRole> { HubRole.Resident });

    private readonly int _smtpPort = FreePort.Next();
    private SimpleSmtpServer? _smtp;
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private int _count;

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Mail:Mode"] = "Smtp";
        settings["Mail:Host"] = "127.0.0.1";
        settings["Mail:Port"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Security"] = "None";
    }

    private void StartMailServer()
    {
        _smtp = SimpleSmtpServer.Start(_smtpPort);
        _smtp.MessageReceived += (_, args) =>
        {
            Interlocked.Increment(ref _count);
            _received.Writer.TryWrite(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(args.Message.Data))));
        };
    }

    /// <summary>The next message this server receives: an event, not a poll.</summary>
    private Task<MimeMessage> NextMessage() => _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    private async Task<HttpClient> SignedInWithEmail(string email)
    {
        var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAs("initiator");
        using var saved = await browser.PostForm("/gegevens/meldingen", new Dictionary<string, string>
        {
            ["Email"] = email, ["Language"] = "nl", ["DigestHour"] = "8", ["DigestDay"] = "Monday",
            ["Channels[OwnInitiative]"] = "EmailNow", ["Channels[Answers]"] = "EmailNow", ["Channels[Following]"] = "WeeklyDigest", ["Channels[Work]"] = "Site",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<IInitiativeGrain> Initiative()
    {
        var grain = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInitiativeGrain>(Guid.NewGuid());
        (await grain.Submit(new SubmitInitiative("Buurtmoestuin", "", "kleverpark", Theme.Green), Initiator)).Errors.Should().BeEmpty();
        return grain;
    }

    [Fact]
    public async Task A_change_reaches_the_initiator_by_real_SMTP_with_both_parts_and_an_unsubscribe_link_that_works()
    {
        StartMailServer();
        var browser = await SignedInWithEmail("ilse@example.nl");
        var grain = await Initiative();

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        var mail = await NextMessage();
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var forged = unsubscribe.PathAndQuery.Replace("u=dev-initiator", "u=dev-resident", StringComparison.Ordinal);
        using var refused = await Host.CreateClient().PostAsync(forged, content: null);
        using var stopped = await Host.CreateClient().PostAsync(unsubscribe.PathAndQuery, new StringContent("List-Unsubscribe=One-Click"));
        var settings = await browser.GetStringAsync("/gegevens/meldingen");

        mail.To.Mailboxes.Select(m => m.Address).Should().Equal("ilse@example.nl");
        mail.Subject.Should().Be("Nieuws over \"Buurtmoestuin\"");
        mail.Body!.Headers["Content-Language"].Should().Be("nl");
        mail.TextBody!.Should().Contain("Er is nieuws over een initiatief:").And.Contain("Verkenning: We hebben met u gepraat.")
            .And.Contain($"http://localhost:5080/initiatieven/{grain.GetPrimaryKey()}");
        mail.HtmlBody!.Should().Contain("<p>Verkenning: We hebben met u gepraat.</p>").And.Contain("Geen e-mails meer hierover</a>");
        unsubscribe.AbsolutePath.Should().Be("/meldingen/afmelden");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stopped.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stopped.Content.ReadAsStringAsync()).Should().Contain("U krijgt hierover geen e-mails meer");
        settings.Should().Contain("<option value=\"Site\" selected=\"selected\">Alleen op de site</option>");
        settings.Should().Contain("<select id=\"channel-OwnInitiative\" name=\"Channels[OwnInitiative]\">\n                    <option value=\"Site\" selected=\"selected\">");
    }

    [Fact]
    public async Task While_the_mail_server_is_down_nothing_is_lost_and_afterwards_each_mail_arrives_once()
    {
        await SignedInWithEmail("ilse@example.nl");
        var grain = await Initiative();

        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.Exploring, "We hebben met u gepraat."), "Sanne de Vries");
        await grain.ExtendStep(new ExtendStepRequest(new DateOnly(2026, 4, 30), "Er is meer tijd nodig."), "Sanne de Vries");
        StartMailServer();
        var first = await NextMessage();
        var second = await NextMessage();
        await grain.ChangeStatus(new StatusChangeRequest(InitiativeStatus.WorkingOut, "U werkt het plan uit."), "Sanne de Vries");
        var third = await NextMessage();

        new[] { first, second, third }.Select(m => m.TextBody!.Split('\n')[3].Trim()).Should().Equal(
            "Verkenning: We hebben met u gepraat.",
            "De stap Verkenning duurt langer: klaar rond 30 april 2026. Reden: Er is meer tijd nodig.",
            "Uitwerking: U werkt het plan uit.");
        _count.Should().Be(3);
    }

    public void Dispose() => _smtp?.Dispose();
}
