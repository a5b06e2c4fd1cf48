using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Web.Feed;
using Haarlem.Initiatives.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests.Health;

public sealed class ShutdownDrainTests
{
    private static IConfiguration Settings(string? seconds) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(ShutdownDrain.Key, seconds)]).Build();

    [Theory]
    [InlineData(null, 5)]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    public void The_drain_is_read_in_seconds(string? text, int seconds) =>
        ShutdownDrain.Seconds(Settings(text)).Should().Be(seconds);

    [Theory]
    [InlineData("121")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void A_wrong_drain_is_named_with_its_rule(string text) =>
        FluentActions.Invoking(() => ShutdownDrain.Seconds(Settings(text))).Should().Throw<HubConfigurationException>()
            .Which.Message.Should().Be($"Hub:ShutdownDrainSeconds is '{text}', but it must be a whole number of seconds from 0 to 120.");

    [Fact]
    public async Task Once_the_node_is_asked_to_stop_it_is_not_ready_and_it_goes_on_answering_for_the_drain()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var time = new FakeTimeProvider();
        var drain = new ShutdownDrain(Settings("5"), lifetime, new FeedConnections(), time, NullLogger<ShutdownDrain>.Instance);
        var before = await drain.CheckHealthAsync(new HealthCheckContext());

        lifetime.StopApplication();
        var stopping = drain.StoppingAsync(CancellationToken.None);
        var during = await drain.CheckHealthAsync(new HealthCheckContext());
        var waitingAfterFourSeconds = !stopping.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(4));
        waitingAfterFourSeconds &= !stopping.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await stopping;

        before.Status.Should().Be(HealthStatus.Healthy);
        (during.Status, during.Description).Should().Be((HealthStatus.Degraded, "The node is stopping."));
        waitingAfterFourSeconds.Should().BeTrue();
    }
}
