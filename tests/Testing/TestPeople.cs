using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Testing;

/// <summary>The people tests act as.</summary>
public static class TestPeople
{
    public static readonly Actor Initiator = new("initiator-1", "Ilse de Boer", new HashSet<HubRole> { HubRole.Resident });
}
