namespace Haarlem.Initiatives.Grains.Common;

/// <summary>The names of the grain storage providers the grains use; the silo configures them.</summary>
public static class GrainStorage
{
    public const string Name = "hub";
}
