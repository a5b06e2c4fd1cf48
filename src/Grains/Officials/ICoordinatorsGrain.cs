namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>
/// Who the coordinators are (people who signed in with that role), so that they hear of
/// initiatives nobody picked up in time and of escalations. Key: <see cref="Coordinators.Key"/>.
/// </summary>
[Alias("haarlem.coordinators")]
public interface ICoordinatorsGrain : IGrainWithStringKey
{
    [Alias("set")]
    Task Set(string userId, bool isCoordinator);

    [Alias("list")]
    Task<IReadOnlyList<string>> List();
}

public static class Coordinators
{
    public const string Key = "all";

    public static ICoordinatorsGrain Get(IGrainFactory grains) => grains.GetGrain<ICoordinatorsGrain>(Key);
}

public sealed class CoordinatorsState
{
    public int SchemaVersion { get; set; } = 1;

    public SortedSet<string> UserIds { get; set; } = new(StringComparer.Ordinal);
}

public sealed class CoordinatorsGrain(
    [PersistentState("coordinators", Common.GrainStorage.Name)] IPersistentState<CoordinatorsState> state)
    : Grain, ICoordinatorsGrain
{
    public async Task Set(string userId, bool isCoordinator)
    {
        if (isCoordinator ? state.State.UserIds.Add(userId) : state.State.UserIds.Remove(userId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.UserIds]);
}
