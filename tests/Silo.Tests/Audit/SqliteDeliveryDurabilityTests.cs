using Haarlem.Initiatives.Grains.Audit;
using Haarlem.Initiatives.Grains.Delivery;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Notifications;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Silo.Audit;
using Haarlem.Initiatives.Silo.Schema;
using Haarlem.Initiatives.Silo.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Haarlem.Initiatives.Silo.Tests.Audit;

/// <summary>
/// On SQLite the hub tables' groups of deliveries commit without waiting for the disk, on
/// connections of their own (a sweep delivers again what a power cut loses); whatever is held
/// nowhere else (a refusal in the audit trail, notices copied at a take-over) waits for the disk,
/// as every grain state write does. Seen through the pools: a connection from the deliveries' pool
/// reports the setting the group's connection had.
/// </summary>
public sealed class SqliteDeliveryDurabilityTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly SqliteTablesDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>PRAGMA synchronous of a connection from the pool of <paramref name="connectionString"/>: 1 NORMAL, 2 FULL.</summary>
    private static long Synchronous(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_group_of_deliveries_commits_on_a_connection_that_does_not_wait_for_the_disk_and_no_other_connection_is_changed()
    {
        var path = _database.Settings.SqlitePath;
        await using var tables = new SqlHubTables(_database.Settings);
        var initiative = Guid.NewGuid();

        await tables.Deliver(new TableDelivery(initiative, [new AuditEntry(Morning, "user-1", "Naam 1", "submitInitiative", initiative, AuditOutcome.Done, $"{initiative:N}:1")], ["user-1"], 1));

        (await tables.Initiatives("user-1")).Should().Equal(initiative);
        Synchronous(SqliteSchema.DeliveryConnectionString(path)).Should().Be(1L);
        Synchronous(SqliteSchema.ConnectionString(path)).Should().Be(2L);
    }

    [Fact]
    public async Task A_refusal_in_the_audit_trail_and_notices_copied_at_a_take_over_wait_for_the_disk()
    {
        var path = _database.Settings.SqlitePath;
        await using var tables = new SqlHubTables(_database.Settings);
        IInboxRows inboxes = tables;
        var initiative = Guid.NewGuid();
        var refusal = new AuditEntry(Morning, "user-2", "Naam 2", "changeStatus", initiative, AuditOutcome.Denied);
        var copied = new PrivateEntry("user-3", FeedItemKind.StatusChanged, initiative, "Geveltuin", "Goedgekeurd", Morning, $"{initiative:N}:2", NoticeKind.OwnInitiative);

        await tables.Append(refusal);
        var items = await inboxes.Append("user-3", [copied], [NoticeRoute.Site], durable: true);

        (await tables.Read(new DateOnly(2026, 3, 2))).Should().Equal(refusal);
        items.Select(i => i?.Sequence).Should().Equal(1L);
        Synchronous(SqliteSchema.DeliveryConnectionString(path)).Should().Be(2L, "no connection of the deliveries' pool was used, so this one is new");
    }
}
