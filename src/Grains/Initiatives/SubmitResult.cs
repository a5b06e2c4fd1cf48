using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The outcome of a submission: the stored initiative, or the reasons nothing was stored.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.submit-result")]
public sealed record SubmitResult(
    [property: Id(0)] InitiativeDetails? Initiative,
    [property: Id(1)] IReadOnlyList<UserError> Errors)
{
    public static SubmitResult Rejected(IReadOnlyList<UserError> errors) => new(null, errors);

    public static SubmitResult Accepted(InitiativeDetails initiative) => new(initiative, []);
}
