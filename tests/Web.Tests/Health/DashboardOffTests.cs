using System.Net;
using Haarlem.Initiatives.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Haarlem.Initiatives.Web.Tests.Health;

/// <summary>A node with <c>Cluster:Dashboard</c> false collects nothing for the Orleans Dashboard and does not serve it.</summary>
public sealed class DashboardOffTests : ConfiguredHub
{
    protected override void Configure(Dictionary<string, string> settings) => settings["Cluster:Dashboard"] = "false";

    [Fact]
    public async Task The_dashboard_is_not_served_and_grain_calls_are_not_timed_for_it_while_the_metrics_stay()
    {
        var admin = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await admin.SignInAs("admin");

        using var dashboard = await admin.GetAsync("/dashboard/");
        using var ready = await admin.GetAsync("/health/ready");

        dashboard.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        Host.Services.GetServices<Orleans.IIncomingGrainCallFilter>()
            .Select(filter => filter.GetType().FullName)
            .Should().NotContain("Orleans.Dashboard.Implementation.GrainProfilerFilter");
        Host.Services.GetServices<IHostedService>()
            .Select(service => service.GetType().FullName)
            .Should().NotContain("Orleans.Dashboard.DashboardHost");
    }
}
