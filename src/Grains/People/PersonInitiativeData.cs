using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Ratings;

namespace Haarlem.Initiatives.Grains.People;

/// <summary>What one initiative holds about one person: for their data download (AVG/GDPR art. 15 and 20).</summary>
/// <param name="Initiative">The initiative's public facts.</param>
/// <param name="AsInitiator">The person's initiator record with contact details, when they started it.</param>
/// <param name="Supports">Whether they support it.</param>
/// <param name="Input">Their questions, ideas and concerns with the answers.</param>
/// <param name="Ratings">Their ratings of the service.</param>
/// <param name="Follows">Whether they follow it.</param>
/// <param name="Messages">As initiator: the private messages with the municipality.</param>
[GenerateSerializer, Immutable, Alias("haarlem.person-initiative-data")]
public sealed record PersonInitiativeData(
    [property: Id(0)] InitiativeDetails Initiative,
    [property: Id(1)] Initiator? AsInitiator,
    [property: Id(2)] bool Supports,
    [property: Id(3)] IReadOnlyList<ResidentInput> Input,
    [property: Id(4)] IReadOnlyList<ServiceRating> Ratings,
    [property: Id(5)] bool Follows = false,
    [property: Id(6)] IReadOnlyList<InitiativeMessage>? Messages = null);
