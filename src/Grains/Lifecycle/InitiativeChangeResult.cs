using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>The outcome of a change: the initiative after it, or what to fix (with the plain-language report, when it blocked).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-change-result")]
public sealed record InitiativeChangeResult(
    [property: Id(0)] InitiativeDetails? Initiative,
    [property: Id(1)] IReadOnlyList<UserError> Errors,
    [property: Id(2)] PlainLanguageReport? PlainLanguage = null);
