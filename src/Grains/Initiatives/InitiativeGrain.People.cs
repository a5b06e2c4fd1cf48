using Haarlem.Initiatives.Grains.People;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>A person's own data: download and erasure.</summary>
public sealed partial class InitiativeGrain
{
    public Task<PersonInitiativeData?> GetPersonData(string userId)
    {
        if (state.State.Details is not { } details)
        {
            return Task.FromResult<PersonInitiativeData?>(null);
        }

        return Task.FromResult<PersonInitiativeData?>(new PersonInitiativeData(
            details,
            state.State.Initiator is { } initiator && initiator.UserId == userId ? initiator : null,
            state.State.Supporters.Contains(userId),
            state.State.Input.Where(i => i.ResidentId == userId).ToList(),
            state.State.Ratings.Where(r => r.RaterId == userId).ToList(),
            state.State.Followers.Contains(userId),
            state.State.Initiator?.UserId == userId ? state.State.Messages : null));
    }

    /// <summary>The start of the stand-in id that replaces an erased person.</summary>
    public const string ErasedPrefix = "erased:";

    public async Task ForgetPerson(string userId)
    {
        if (state.State.Details is null)
        {
            return;
        }

        // One stand-in per initiative: the person's input stays countable and answerable, but
        // nothing links it to them or to their traces elsewhere.
        var standIn = $"{ErasedPrefix}{Guid.NewGuid():N}";
        var changed = false;
        if (state.State.Initiator?.UserId == userId)
        {
            state.State.Initiator = null;
            changed = true;
        }

        changed |= state.State.Followers.Remove(userId);
        changed |= state.State.PrivateOutbox.RemoveAll(p => p.UserId == userId) > 0;
        if (state.State.Supporters.Remove(userId))
        {
            state.State.Supporters.Add(standIn);
            changed = true;
        }

        for (var i = 0; i < state.State.Input.Count; i++)
        {
            if (state.State.Input[i].ResidentId == userId)
            {
                state.State.Input[i] = state.State.Input[i] with { ResidentId = standIn };
                changed = true;
            }
        }

        for (var i = 0; i < state.State.Ratings.Count; i++)
        {
            if (state.State.Ratings[i].RaterId == userId)
            {
                state.State.Ratings[i] = state.State.Ratings[i] with { RaterId = standIn };
                changed = true;
            }
        }

        for (var i = 0; i < state.State.Partners.Count; i++)
        {
            if (state.State.Partners[i].ContactUserId == userId)
            {
                state.State.Partners[i] = state.State.Partners[i] with { ContactUserId = null };
                changed = true;
            }
        }

        if (changed)
        {
            await Save();
        }
    }

    public async Task TransferPerson(string fromUserId, string toUserId)
    {
        if (state.State.Details is null || fromUserId == toUserId)
        {
            return;
        }

        // One person, one history: everything the other account did here is now this account's.
        var changed = false;
        if (state.State.Initiator?.UserId == fromUserId)
        {
            state.State.Initiator = state.State.Initiator with { UserId = toUserId };
            changed = true;
        }

        if (state.State.Followers.Remove(fromUserId))
        {
            state.State.Followers.Add(toUserId);
            changed = true;
        }

        if (state.State.Supporters.Remove(fromUserId))
        {
            state.State.Supporters.Add(toUserId);
            changed = true;
        }

        for (var i = 0; i < state.State.Input.Count; i++)
        {
            if (state.State.Input[i].ResidentId == fromUserId)
            {
                state.State.Input[i] = state.State.Input[i] with { ResidentId = toUserId };
                changed = true;
            }
        }

        for (var i = 0; i < state.State.Ratings.Count; i++)
        {
            if (state.State.Ratings[i].RaterId == fromUserId)
            {
                state.State.Ratings[i] = state.State.Ratings[i] with { RaterId = toUserId };
                changed = true;
            }
        }

        for (var i = 0; i < state.State.Partners.Count; i++)
        {
            if (state.State.Partners[i].ContactUserId == fromUserId)
            {
                state.State.Partners[i] = state.State.Partners[i] with { ContactUserId = toUserId };
                changed = true;
            }
        }

        if (changed)
        {
            await Save();
        }
    }

    public async Task<Lifecycle.InitiativeChangeResult> Follow(string userId)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        if (state.State.Followers.Add(userId))
        {
            await Save();
        }

        return new Lifecycle.InitiativeChangeResult(details, []);
    }

    public async Task<Lifecycle.InitiativeChangeResult> Unfollow(string userId)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        if (state.State.Followers.Remove(userId))
        {
            await Save();
        }

        return new Lifecycle.InitiativeChangeResult(details, []);
    }

    public Task<int> GetFollowerCount() => Task.FromResult(state.State.Followers.Count);
}
