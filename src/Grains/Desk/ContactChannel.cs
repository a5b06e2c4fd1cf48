namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>How a resident reached the municipality for something they did.</summary>
public enum ContactChannel
{
    /// <summary>Themselves, on the website or through the API.</summary>
    Web,

    /// <summary>At the counter (de balie): a desk worker did it for them, with their consent.</summary>
    Counter,

    /// <summary>On the phone with the customer contact centre: a desk worker did it for them, with their consent.</summary>
    Phone,
}

/// <summary>The desk worker who did something for a resident, and how the resident reached them.</summary>
/// <param name="UserId">The desk worker's user id.</param>
/// <param name="Name">The desk worker's name.</param>
/// <param name="Channel">Counter or phone.</param>
[GenerateSerializer, Immutable, Alias("haarlem.assistance")]
public sealed record Assistance(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] ContactChannel Channel)
{
    /// <summary>"via de balie" or "via de telefoon": how it shows on public pages (never the resident's name).</summary>
    public string PublicVia => Channel == ContactChannel.Phone ? "via de telefoon" : "via de balie";
}
