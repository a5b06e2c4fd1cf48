namespace Haarlem.Initiatives.Grains.Common;

/// <summary>
/// The clock of the domain (submission times, norms, deadlines): a <see cref="TimeProvider"/>
/// registered under this key. It is the system clock unless a test sets a fake one; Orleans'
/// own machinery keeps the real clock either way.
/// </summary>
public static class HubClock
{
    public const string Key = "haarlem-clock";
}
