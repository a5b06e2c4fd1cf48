namespace Haarlem.Initiatives.Testing;

/// <summary>Unique names, so tests that share a cluster or a database never see each other's data.</summary>
public static class TestNames
{
    /// <summary>A neighbourhood code that fits the 40-character limit.</summary>
    public static string Neighbourhood() => $"test-{Guid.NewGuid():N}";
}
