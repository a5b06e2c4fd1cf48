namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>
/// The resident who started an initiative. Private: only the initiator, the partners' contacts,
/// the contact official and coordinators see it; the public sees "De initiatiefnemer".
/// </summary>
/// <param name="UserId">Their user id (the sign-in's subject).</param>
/// <param name="Name">Their name.</param>
/// <param name="Email">How the contact official reaches them, if given.</param>
/// <param name="Phone">A phone number, if given.</param>
/// <param name="AssistedBy">The desk worker who submitted it for them (counter or phone); null when they did it themselves.</param>
[GenerateSerializer, Immutable, Alias("haarlem.initiator")]
public sealed record Initiator(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email = null,
    [property: Id(3)] string? Phone = null,
    [property: Id(4)] Desk.Assistance? AssistedBy = null)
{
    /// <summary>How the initiative reached the municipality.</summary>
    public Desk.ContactChannel Channel => AssistedBy?.Channel ?? Desk.ContactChannel.Web;
}
