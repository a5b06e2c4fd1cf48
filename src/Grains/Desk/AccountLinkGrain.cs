using System.Text.RegularExpressions;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Grains.Desk;

/// <summary>The link's state: the record taken over, and when.</summary>
public sealed class AccountLinkState
{
    public string? UserId { get; set; }

    public DateTimeOffset? At { get; set; }
}

public sealed partial class AccountLinkGrain(
    [PersistentState("account-link", GrainStorage.Name)] IPersistentState<AccountLinkState> state,
    IResidentDirectory directory,
    Delivery.IPersonIndex index,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
    : Grain, IAccountLinkGrain
{
    public Task<string?> Resolve() => Task.FromResult(state.State.UserId);

    public async Task<TakeOverResult> TakeOver(string code, string name)
    {
        if (state.State.UserId is not null)
        {
            return Refused(UserErrorCodes.AlreadySubmitted, "You took a desk record over already; you are signed in as that record.");
        }

        if (!CodePattern().IsMatch(code ?? ""))
        {
            return Refused(UserErrorCodes.Invalid, "The code is 8 letters and digits, as printed in your letter, for example K7QM-2PXA.");
        }

        var hash = PersonGrain.HashCode(code!);
        var now = time.GetUtcNow();
        var facts = await directory.FindCode(hash);
        if (facts is null)
        {
            return Refused("UNKNOWN_CODE", "This code is not known. Check it against your letter, or ask the desk for a new one.");
        }

        if (facts.UsedAt is not null)
        {
            return Refused("CODE_USED", "This code was used already. Each code works once; ask the desk for a new one.");
        }

        if (facts.ExpiresAt <= now)
        {
            return Refused("CODE_EXPIRED", "This code has expired. Ask the desk for a new one.");
        }

        var me = this.GetPrimaryKeyString();
        if (!await directory.UseCode(hash, me, now))
        {
            return Refused("CODE_USED", "This code was used already. Each code works once; ask the desk for a new one.");
        }

        state.State.UserId = facts.UserId;
        state.State.At = now;
        await state.WriteStateAsync();

        // What this sign-in did before becomes the record's (the stamp puts the record in the data index).
        using (Delivery.ChangeStamp.Apply(new Delivery.ChangeStamp(facts.UserId, name, "takeOverRecord", RemembersPerson: true)))
        {
            foreach (var initiative in await index.Initiatives(me))
            {
                await GrainFactory.GetGrain<Initiatives.IInitiativeGrain>(initiative).TransferPerson(me, facts.UserId);
            }
        }

        var record = GrainFactory.GetGrain<IPersonGrain>(facts.UserId);
        await record.MergeFrom(me);
        await record.TakenOver(now);
        return new TakeOverResult(facts.UserId, []);
    }

    private static TakeOverResult Refused(string code, string message) => new(null, [new UserError(code, "code", message)]);

    [GeneratedRegex(@"^\s*[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}\s*$")]
    private static partial Regex CodePattern();
}
