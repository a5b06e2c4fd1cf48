namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>
/// Tests that load the whole machine (several hub processes, hundreds of live connections) run
/// alone, after the others, so that the others' browser and HTTP steps do not wait on them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
