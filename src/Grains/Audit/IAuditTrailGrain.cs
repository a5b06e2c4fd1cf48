namespace Haarlem.Initiatives.Grains.Audit;

/// <summary>
/// The append-only audit trail of one day (UTC). Key: the day as yyyy-MM-dd
/// (see <see cref="AuditTrail"/>). It has no method to change or remove an entry.
/// </summary>
[Alias("haarlem.audit-trail")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    [Alias("append")]
    Task Append(AuditEntry entry);

    /// <summary>The day's entries, oldest first.</summary>
    [Alias("read")]
    Task<IReadOnlyList<AuditEntry>> Read();
}

/// <summary>Where an audit entry goes.</summary>
public static class AuditTrail
{
    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string DayKey(DateTimeOffset at) => DayKey(DateOnly.FromDateTime(at.UtcDateTime));
}
