using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Silo;

/// <summary>The node's settings as a service, for the parts that run inside the silo.</summary>
public sealed record HubSiloSettingsHolder(HubSiloSettings Value);
