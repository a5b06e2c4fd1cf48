using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>A test class with a hub of its own on a fresh SQLite file, with settings of its own on top of the test defaults.</summary>
public abstract class ConfiguredHub : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected HubHost Host { get; private set; } = null!;

    /// <summary>Changes the test defaults (<see cref="HubSettings.Sqlite"/>) for this class's hub.</summary>
    protected abstract void Configure(Dictionary<string, string> settings);

    public Task InitializeAsync()
    {
        var settings = HubSettings.Sqlite(_folder.File("hub.db"));
        Configure(settings);
        Host = new HubHost(settings, new FakeTimeProvider(HubHost.Start));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
