namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>What came of a take-over: the record's user id (the person signs in as it from now on), or what to fix.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.take-over-result")]
public sealed record TakeOverResult(
    [property: Id(0)] string? UserId,
    [property: Id(1)] IReadOnlyList<Common.UserError> Errors);

/// <summary>
/// The link between a sign-in (DigiD) and the desk record the resident took over with its one-time
/// code. Key: the user id the sign-in gives (<c>resident:…</c>). After the take-over the person signs
/// in as the record: one person, one history.
/// </summary>
[Alias("haarlem.account-link")]
public interface IAccountLinkGrain : IGrainWithStringKey
{
    /// <summary>The record this sign-in was linked to; null when none.</summary>
    [Alias("resolve")]
    Task<string?> Resolve();

    /// <summary>
    /// Takes the record that <paramref name="code"/> belongs to over. A wrong, used or expired code
    /// is refused with the rule, and nothing changes. What this sign-in did before (initiatives,
    /// input, follows, notices) becomes the record's.
    /// </summary>
    [Alias("take-over")]
    Task<TakeOverResult> TakeOver(string code, string name);
}
