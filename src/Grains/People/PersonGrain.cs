using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.People;

public sealed class PersonGrain(
    [PersistentState("person", GrainStorage.Name)] IPersistentState<PersonState> state)
    : Grain, IPersonGrain
{
    public async Task Remember(Guid initiativeId)
    {
        if (!state.State.Initiatives.Contains(initiativeId))
        {
            state.State.Initiatives.Add(initiativeId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> GetInitiatives() => Task.FromResult<IReadOnlyList<Guid>>(state.State.Initiatives.ToList());

    public async Task FollowNeighbourhood(string code, bool follow)
    {
        var changed = follow
            ? !state.State.Neighbourhoods.Contains(code) && Add(code)
            : state.State.Neighbourhoods.Remove(code);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        bool Add(string value)
        {
            state.State.Neighbourhoods.Add(value);
            return true;
        }
    }

    public Task<IReadOnlyList<string>> GetFollowedNeighbourhoods() => Task.FromResult<IReadOnlyList<string>>(state.State.Neighbourhoods.ToList());

    public async Task Forget()
    {
        var userId = this.GetPrimaryKeyString();
        await Task.WhenAll(state.State.Initiatives.Select(id => GrainFactory.GetGrain<IInitiativeGrain>(id).ForgetPerson(userId)));
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
