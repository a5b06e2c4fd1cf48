using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Grains.Tests.Lifecycle;

/// <summary>The deadline tests' cluster, with a clock of its own.</summary>
public sealed class DeadlineCluster : OwnClockCluster<DeadlineCluster>;
