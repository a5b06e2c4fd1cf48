namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The whole file of one initiative. Key: the initiative's id.</summary>
[Alias("haarlem.initiative")]
public interface IInitiativeGrain : IGrainWithGuidKey
{
    /// <summary>Starts the initiative; it is stored and announced in its neighbourhood's feed, or rejected with reasons.</summary>
    [Alias("submit")]
    Task<SubmitResult> Submit(SubmitInitiative submission);

    /// <summary>The public timeline: steps passed with dates, steps ahead with expected dates; null when no initiative has this id.</summary>
    [Alias("get-timeline")]
    Task<Lifecycle.InitiativeTimeline?> GetTimeline();

    /// <summary>The public facts, or null when no initiative has this id.</summary>
    [Alias("get-details")]
    Task<InitiativeDetails?> GetDetails();
}
