using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Officials;

/// <summary>An initiative in an official's work queue, with the day its current step is due.</summary>
/// <remarks>
/// Either the initiative's current step (<see cref="InputNumber"/> null, <see cref="Due"/> the
/// step's expected day) or a resident's question, idea or concern waiting for an answer (its
/// number, due within the answer norm).
/// </remarks>
[GenerateSerializer, Immutable, Alias("haarlem.work-item")]
public sealed record WorkItem(
    [property: Id(0)] Guid InitiativeId,
    [property: Id(1)] string Title,
    [property: Id(2)] InitiativeStatus Step,
    [property: Id(3)] DateOnly? Due,
    [property: Id(4)] int? InputNumber = null)
{
    /// <summary>Whether its due day has passed on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Due is { } due && Norms.ServiceNorms.IsOverdue(due, today);
}
