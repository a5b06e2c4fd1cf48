using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Web;

try
{
    var builder = WebApplication.CreateBuilder(args.Where(a => a != HubCommandLine.ApplySchema).ToArray());
    if (args.Contains(HubCommandLine.ApplySchema))
    {
        return HubSchema.ApplyAndReport(HubSiloSettings.From(builder.Configuration, builder.Environment.ContentRootPath), Console.Out);
    }

    builder.AddHub();
    var app = builder.Build();
    app.MapHub();
    await app.RunAsync();
    return 0;
}
catch (HubConfigurationException exception)
{
    // One clear line instead of a stack trace: the operator can act on it.
    await Console.Error.WriteLineAsync($"haarlem-initiatives: {exception.Message}");
    return 2;
}

/// <summary>The web process; public so the tests can host it.</summary>
public partial class Program;
