namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>What came of a call.</summary>
public enum CallOutcome
{
    /// <summary>The resident was reached and told: the task is done.</summary>
    Reached,
    /// <summary>Nobody answered: try again on the next working day.</summary>
    NotReached,
}

/// <summary>A notice to tell a resident by phone, as the desk's queue shows it.</summary>
/// <param name="UserId">The resident.</param>
/// <param name="EventId">The notice's event.</param>
/// <param name="Sequence">The notice's number in the resident's inbox.</param>
/// <param name="QueuedAt">When it was stored.</param>
/// <param name="Due">The day to call (moves on when nobody answered).</param>
/// <param name="Attempts">Calls made so far.</param>
/// <param name="Done">When the resident was reached; null while open.</param>
/// <param name="LastOutcome">The last call's outcome.</param>
/// <param name="LastBy">Who made the last call.</param>
/// <param name="LastAt">When.</param>
public sealed record CallTask(
    string UserId, string EventId, long Sequence, DateTimeOffset QueuedAt, DateOnly Due, int Attempts, DateTimeOffset? Done,
    CallOutcome? LastOutcome, string? LastBy, DateTimeOffset? LastAt);

/// <summary>
/// The desk's calls: notices for residents who chose the phone become tasks here (filled by the
/// database in the transaction that stores the notice), due today; each call's outcome is recorded.
/// </summary>
public interface ICallQueue
{
    /// <summary>Open tasks due on or before <paramref name="today"/>, oldest first.</summary>
    Task<IReadOnlyList<CallTask>> Due(DateOnly today, CancellationToken cancellationToken = default);

    Task<CallTask?> Find(string userId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a call: reached closes the task; not reached counts the attempt and moves it to
    /// <paramref name="nextTry"/>. False when the task is closed already (or does not exist).
    /// </summary>
    Task<bool> Record(string userId, string eventId, CallOutcome outcome, DateOnly nextTry, string by, DateTimeOffset at, CancellationToken cancellationToken = default);
}
