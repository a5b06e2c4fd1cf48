namespace Haarlem.Initiatives.Silo.Configuration;

/// <summary>
/// A setting is wrong or the database it points at cannot be used. The message is one line that
/// names the setting and the cause; the process prints it and exits instead of retrying forever.
/// </summary>
public sealed class HubConfigurationException(string message, Exception? inner = null)
    : Exception(message, inner);
