namespace Haarlem.Initiatives.Grains.Input;

/// <summary>What a resident gives: support, or a question, idea or concern that must be answered.</summary>
public enum InputKind
{
    Support,
    Question,
    Idea,
    Concern,
}

/// <summary>What was done with input ("you said, we did").</summary>
public enum InputOutcome
{
    Adopted,
    PartlyAdopted,
    NotAdopted,
}

/// <summary>The answer to input: what was done with it, by whom, when, and how many working days it took.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.input-answer")]
public sealed record InputAnswer(
    [property: Id(0)] string Text,
    [property: Id(1)] InputOutcome Outcome,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string AnsweredBy,
    [property: Id(4)] DateTimeOffset AnsweredAt,
    [property: Id(5)] int WorkingDaysTaken);

/// <summary>
/// A question, idea or concern on an initiative. Public, without the resident's identity
/// (<see cref="ResidentId"/> stays private to the file).
/// </summary>
[GenerateSerializer, Immutable, Alias("haarlem.resident-input")]
public sealed record ResidentInput(
    [property: Id(0)] int Number,
    [property: Id(1)] InputKind Kind,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset GivenAt,
    [property: Id(4)] DateOnly AnswerDue,
    [property: Id(5)] string ResidentId,
    [property: Id(6)] InputAnswer? Answer,
    [property: Id(7)] Desk.Assistance? AssistedBy = null)
{
    /// <summary>How the resident gave it.</summary>
    public Desk.ContactChannel Channel => AssistedBy?.Channel ?? Desk.ContactChannel.Web;
}

/// <summary>The input on an initiative: the support count and every question, idea and concern with its answer.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.initiative-input")]
public sealed record InitiativeInput(
    [property: Id(0)] int SupportCount,
    [property: Id(1)] IReadOnlyList<ResidentInput> Items);
