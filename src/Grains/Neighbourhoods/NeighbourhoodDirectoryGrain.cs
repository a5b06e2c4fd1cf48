using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Neighbourhoods;

public sealed class NeighbourhoodDirectoryGrain(
    [PersistentState("directory", GrainStorage.Name)] IPersistentState<NeighbourhoodDirectoryState> state)
    : Grain, INeighbourhoodDirectoryGrain
{
    public async Task<bool> Load(IReadOnlyList<NeighbourhoodInfo> neighbourhoods)
    {
        var ordered = neighbourhoods
            .OrderBy(n => n.District, StringComparer.Ordinal)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        if (ordered.SequenceEqual(state.State.Neighbourhoods))
        {
            return false;
        }

        await Task.WhenAll(ordered.Select(n => GrainFactory.GetGrain<INeighbourhoodGrain>(n.Code).Define(n)));
        state.State.Neighbourhoods = ordered;
        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<NeighbourhoodInfo>> List() =>
        Task.FromResult<IReadOnlyList<NeighbourhoodInfo>>(state.State.Neighbourhoods);
}
