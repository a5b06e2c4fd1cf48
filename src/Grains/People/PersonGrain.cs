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

    public async Task Forget()
    {
        var userId = this.GetPrimaryKeyString();
        await Task.WhenAll(state.State.Initiatives.Select(id => GrainFactory.GetGrain<IInitiativeGrain>(id).ForgetPerson(userId)));
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
