namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>A notice waiting to go by letter (or gone, in a post run).</summary>
/// <param name="UserId">The resident.</param>
/// <param name="EventId">The notice's event (one letter line per event).</param>
/// <param name="Sequence">The notice's number in the resident's inbox.</param>
/// <param name="QueuedAt">When it was stored.</param>
/// <param name="RunId">The post run it went in; null while waiting.</param>
public sealed record LetterNotice(string UserId, string EventId, long Sequence, DateTimeOffset QueuedAt, long? RunId);

/// <summary>A daily post run: the letters printed together, and whether they were posted.</summary>
public sealed record PostRun(long Id, DateTimeOffset CreatedAt, string CreatedBy, int Notices, DateTimeOffset? PostedAt, string? PostedBy);

/// <summary>
/// The desk's post: notices for residents who chose letters wait here (filled by the database in
/// the very transaction that stores the notice, so none is lost), are taken into a post run once
/// (a run can be printed again), and the run is marked posted once.
/// </summary>
public interface IPostRoom
{
    /// <summary>Notices not in a run yet, oldest first.</summary>
    Task<IReadOnlyList<LetterNotice>> Waiting(CancellationToken cancellationToken = default);

    /// <summary>Takes every waiting notice into a new run; null when none was waiting.</summary>
    Task<PostRun?> StartRun(string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<PostRun?> Run(long id, CancellationToken cancellationToken = default);

    /// <summary>The newest runs first.</summary>
    Task<IReadOnlyList<PostRun>> Runs(int max, CancellationToken cancellationToken = default);

    /// <summary>The notices of a run, by resident and number.</summary>
    Task<IReadOnlyList<LetterNotice>> InRun(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks the run posted; false when it was posted already (or does not exist).</summary>
    Task<bool> MarkPosted(long id, string by, DateTimeOffset at, CancellationToken cancellationToken = default);
}
