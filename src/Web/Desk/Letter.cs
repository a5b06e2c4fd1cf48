using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Officials;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>One letter of a post run: to one resident, about the initiatives their notices were about.</summary>
/// <param name="Language">The resident's language (the letter's texts; the events' own words stay as written).</param>
/// <param name="Name">The name on the envelope.</param>
/// <param name="Address">The address block.</param>
/// <param name="Date">The letter's date.</param>
/// <param name="Initiatives">Per initiative: what changed and where it stands.</param>
/// <param name="TakeOverCode">The code to take the desk record over with DigiD; null when there is none.</param>
/// <param name="CodeValidUntil">The last day the code works.</param>
/// <param name="TakeOverAt">The page where the code is used.</param>
public sealed record Letter(
    string Language, string Name, PostalAddress Address, DateOnly Date, IReadOnlyList<LetterInitiative> Initiatives,
    string? TakeOverCode, DateOnly? CodeValidUntil, string TakeOverAt);

/// <summary>One initiative in a letter.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Changes">The notices, oldest first: day and text.</param>
/// <param name="Status">Where it stands now.</param>
/// <param name="CurrentExpected">The day the current step is expected to be done; null when it has ended.</param>
/// <param name="Next">The next step and its expected day; null when there is none.</param>
/// <param name="Contact">Its contact official; null while none is assigned.</param>
/// <param name="Link">Its public address.</param>
public sealed record LetterInitiative(
    string Title, IReadOnlyList<(DateOnly On, string Text)> Changes, InitiativeStatus Status, DateOnly? CurrentExpected,
    (InitiativeStatus Step, DateOnly Expected)? Next, ContactOfficial? Contact, string Link);
