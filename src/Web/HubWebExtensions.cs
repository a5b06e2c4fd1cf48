using System.Text.Json;
using System.Text.Json.Serialization;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.GraphApi;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Addresses;
using Haarlem.Initiatives.Web.Identity;
using Haarlem.Initiatives.Web.Security;
using Haarlem.Initiatives.GraphApi.Http;
using Haarlem.Initiatives.Silo;
using Haarlem.Initiatives.Web.Feed;
using Haarlem.Initiatives.Web.Health;
using Haarlem.Initiatives.Web.Localization;
using Haarlem.Initiatives.Web.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Dashboard;

namespace Haarlem.Initiatives.Web;

public static class HubWebExtensions
{
    /// <summary>Everything the web process needs: a co-hosted silo, GraphQL, the feed hub, pages and health checks.</summary>
    public static WebApplicationBuilder AddHub(this WebApplicationBuilder builder)
    {
        // Sign-in settings first: a wrong Auth:Mode is the first thing an operator needs to hear about.
        var auth = builder.AddHubAuthentication();
        var telemetry = builder.AddHubTelemetry();
        builder.UseOrleans(silo =>
        {
            silo.ConfigureHub(builder.Configuration, builder.Environment.ContentRootPath);
            if (telemetry.OtlpEndpoint is not null)
            {
                // Traces follow a request through its grain calls, across nodes.
                silo.AddActivityPropagation();
            }
        });

        builder.AddRequestLimits();
        builder.Services.AddAuthorization();
        builder.Services.AddTransient<PersonalData>();
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        builder.Services.AddHubGraphQL();
        builder.Services.AddSingleton<FeedConnections>();
        builder.Services.AddSingleton<FeedRelay>();
        builder.Services.AddSingleton<Initiatives.InitiativeCards>();
        builder.Services.AddSingleton<Desk.DeskSession>();
        builder.Services.AddSingleton<Desk.PostRunLetters>();
        builder.Services.AddTransient<Desk.LetterPdf>();
        builder.Services.AddSingleton(Maps.MapSettings.Read(builder.Configuration));
        builder.Services.AddHostedService(services => services.GetRequiredService<FeedRelay>());
        builder.Services.AddSignalR().AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        builder.Services.AddHubLocalization();
        // Pages keep Dutch letters (é, ó, ë) as they are instead of as character references; the
        // encoder still escapes everything that matters for HTML (<, >, &, quotes).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(options =>
        {
            // The council's dashboard: council members, coordinators and admins (the overview's rule).
            options.Conventions.AuthorizePage("/Council/Index", new HubActionRequirement(HubAction.ReadOverview).PolicyName);
            // The coordinators' page: assigning contact officials is theirs.
            options.Conventions.AuthorizePage("/Coordination/Index", new HubActionRequirement(HubAction.AssignContactOfficial).PolicyName);
            // The desk: counter and phone staff (and admins).
            options.Conventions.AuthorizeFolder("/Desk", new HubActionRequirement(HubAction.ActForResident).PolicyName);
            if (!auth.IsDevelopment)
            {
                // Outside Development mode the development sign-in page has no route at all (404).
                options.Conventions.AddPageRouteModelConvention("/Auth/Dev", page => page.Selectors.Clear());
            }
        });
        ShutdownDrain.Seconds(builder.Configuration); // a wrong value stops the start with one clear line
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddHealthChecks()
            .AddCheck<ShutdownDrain>("stopping", tags: [ReadyTag])
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHub(this WebApplication app)
    {
        app.Use(app.Services.GetRequiredService<WebMetrics>().Count);
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestBodyLimit();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseDutchAddresses();
        app.UseRouting();
        app.UseAuthentication();
        app.MapHubMetrics();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHubAuth();
        app.MapLanguageSwitch();
        app.MapHubGraphQL("/graphql");

        // GraphiQL, from npm and served by the hub itself: explore the API in the browser.
        app.MapGet("/graphql/ui", (IWebHostEnvironment environment) =>
            Results.File(environment.WebRootFileProvider.GetFileInfo("graphql-ui.html").PhysicalPath!, "text/html; charset=utf-8"));
        app.MapHub<FeedHub>(FeedHub.Path);
        app.MapRazorPages();
        // Operators' view of the cluster: admins only; not there when Cluster:Dashboard is false.
        if (app.Services.GetRequiredService<HubSiloSettingsHolder>().Value.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard")
                .RequireAuthorization(new HubActionRequirement(HubAction.OperateCluster).PolicyName);
        }
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            // Degraded is a node that stops (ShutdownDrain): not ready for new work.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    /// <summary>The JSON shape of SignalR messages: camelCase, enums as UPPER_SNAKE names as in GraphQL.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
    }

    private const string ReadyTag = "ready";
}
