using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Silo.Telemetry;
using Microsoft.Extensions.Hosting;

namespace Haarlem.Initiatives.Silo;

/// <summary>A grain-only node: joins the cluster and hosts grains, without pages or APIs.</summary>
internal static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(args.Where(a => a != HubCommandLine.ApplySchema).ToArray());
            if (args.Contains(HubCommandLine.ApplySchema))
            {
                return HubSchema.ApplyAndReport(HubSiloSettings.From(builder.Configuration, builder.Environment.ContentRootPath), Console.Out);
            }

            var telemetry = builder.AddNodeTelemetry();
            builder.UseOrleans(silo =>
            {
                silo.ConfigureHub(builder.Configuration, builder.Environment.ContentRootPath);
                if (telemetry.OtlpEndpoint is not null)
                {
                    // Traces follow a request through its grain calls, across nodes.
                    silo.AddActivityPropagation();
                }
            });
            await builder.Build().RunAsync();
            return 0;
        }
        catch (HubConfigurationException exception)
        {
            await Console.Error.WriteLineAsync($"haarlem-initiatives: {exception.Message}");
            return 2;
        }
    }
}
