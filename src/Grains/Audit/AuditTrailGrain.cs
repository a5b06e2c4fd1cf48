using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Audit;

public sealed class AuditTrailGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditTrailState> state)
    : Grain, IAuditTrailGrain
{
    public async Task Append(AuditEntry entry)
    {
        state.State.Entries.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory must never show an entry that storage does not hold.
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1);
            throw;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> Read() => Task.FromResult<IReadOnlyList<AuditEntry>>(state.State.Entries.ToList());
}
