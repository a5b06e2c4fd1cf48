using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Bench;

/// <summary>The baseline's grain: it writes the state it is given, with no domain logic.</summary>
[Alias("haarlem.bench.state-writer")]
public interface IStateWriterGrain : IGrainWithGuidKey
{
    [Alias("write")]
    Task Write(InitiativeDetails details);
}

public sealed class StateWriterGrain(
    [PersistentState("initiative", GrainStorage.Name)] IPersistentState<InitiativeState> state)
    : Grain, IStateWriterGrain
{
    public Task Write(InitiativeDetails details)
    {
        state.State.Details = details;
        return state.WriteStateAsync();
    }
}
