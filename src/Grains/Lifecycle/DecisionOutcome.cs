namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>The municipality's decision on an initiative.</summary>
public enum DecisionOutcome
{
    /// <summary>Approved (goedgekeurd).</summary>
    Approved,
    /// <summary>Approved with conditions (goedgekeurd onder voorwaarden).</summary>
    ApprovedWithConditions,
    /// <summary>Not approved (afgewezen), always with a reason.</summary>
    NotApproved,
}
