using Haarlem.Initiatives.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>One running hub on a fresh SQLite file, shared by the tests of a class.</summary>
public sealed class HubHostFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public HubHost Host { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Host = new HubHost(HubSettings.Sqlite(_folder.File("hub.db")), new FakeTimeProvider(HubHost.Start));
        _ = Host.Server; // start it now, so the first test does not pay for it inside its timeout
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
