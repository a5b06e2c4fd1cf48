using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;

namespace Haarlem.Initiatives.Web.Tests.Health;

public sealed class HealthTests(HubHostFixture fixture) : IClassFixture<HubHostFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_started_node_is_live_and_ready(string path)
    {
        using var response = await fixture.Host.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task The_Orleans_Dashboard_is_served_at_dashboard()
    {
        using var response = await fixture.Host.CreateClient().GetAsync("/dashboard/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }
}
