using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Bench;

/// <summary>
/// The baseline's grain: it writes the state it is given, with no domain logic. Its state has a
/// name of its own, so that the hub's ledger (a trigger on initiative states) leaves it alone.
/// </summary>
[Alias("haarlem.bench.state-writer")]
public interface IStateWriterGrain : IGrainWithGuidKey
{
    [Alias("write")]
    Task Write(InitiativeDetails details);
}

public sealed class StateWriterGrain(
    [PersistentState(StateWriterGrain.StateName, GrainStorage.Name)] IPersistentState<InitiativeState> state)
    : Grain, IStateWriterGrain
{
    public const string StateName = "bench-state";

    public Task Write(InitiativeDetails details)
    {
        state.State.Details = details;
        return state.WriteStateAsync();
    }
}
