namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>A private message between the initiator and the municipality about one initiative.</summary>
/// <param name="Number">Its number within the initiative, from 1.</param>
/// <param name="FromName">Who wrote it: the official's name, or "Initiatiefnemer".</param>
/// <param name="FromInitiator">True when the initiator wrote it.</param>
/// <param name="Text">The message.</param>
/// <param name="At">When.</param>
/// <param name="AssistedBy">The desk worker who passed it on for the initiator (counter or phone); null when they wrote it themselves.</param>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-message")]
public sealed record InitiativeMessage(
    [property: Id(0)] int Number,
    [property: Id(1)] string FromName,
    [property: Id(2)] bool FromInitiator,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Desk.Assistance? AssistedBy = null)
{
    public const int MaxLength = 2000;
}
