using Haarlem.Initiatives.Testing;
using System.Diagnostics;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Bench;

/// <summary>The node's memory with 10,000 active initiative grains, against the same node before.</summary>
public static class Memory
{
    public static async Task ReportTenThousandInitiatives(IGrainFactory grains, string[] neighbourhoods)
    {
        var before = Snapshot();
        var ids = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var chunk in ids.Chunk(200))
        {
            await Task.WhenAll(chunk.Select((id, i) => grains.GetGrain<IInitiativeGrain>(id)
                .Submit(new SubmitInitiative($"Initiatief {i}", "Een plan voor de buurt.", neighbourhoods[i % neighbourhoods.Length], Theme.Social), TestPeople.Initiator)));
        }

        // All 10,000 are still active (idle grains are collected after 15 minutes by default).
        var after = Snapshot();
        Console.WriteLine($"Memory: managed heap {before.Managed / 1048576.0:F0} MiB -> {after.Managed / 1048576.0:F0} MiB with 10,000 active initiative grains " +
                          $"({(after.Managed - before.Managed) / 10_000.0 / 1024:F1} KiB each); working set {before.WorkingSet / 1048576.0:F0} -> {after.WorkingSet / 1048576.0:F0} MiB.");
    }

    private static (long Managed, long WorkingSet) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
