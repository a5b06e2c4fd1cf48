using System.Security.Cryptography;
using System.Text;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.Notifications;

namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// Every resident's channel: a resident registered at the desk (no DigiD), their consent for the
/// desk to act for them, their postal address and phone number for letters and calls, and the
/// one-time code with which they take their record over after signing in with DigiD.
/// </summary>
public sealed partial class PersonGrain
{
    /// <summary>How long a take-over code works.</summary>
    public static readonly TimeSpan TakeOverCodeLifetime = TimeSpan.FromDays(365);

    /// <summary>The prefix of the user ids the desk gives the residents it registers.</summary>
    public const string DeskPrefix = "balie-";

    // Letters and digits that cannot be mistaken for each other on paper (no 0/O, 1/I/L).
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<UserError>> Register(ResidentRegistration registration, Assistance desk)
    {
        if (state.State.Profile is not null)
        {
            return [new UserError(UserErrorCodes.AlreadySubmitted, "resident", "This resident is registered already.")];
        }

        var errors = new List<UserError>();
        var name = registration.Name?.Trim();
        if (ResidentProfile.CheckName(name, "Give the resident's name.") is { } nameError)
        {
            errors.Add(nameError);
        }

        errors.AddRange(PostalAddress.Validate(registration.Street, registration.HouseNumber, registration.Postcode, registration.Town));
        var (phone, phoneError) = ResidentProfile.CheckPhone(registration.Phone);
        if (phoneError is not null)
        {
            errors.Add(phoneError);
        }

        var email = string.IsNullOrWhiteSpace(registration.Email) ? null : registration.Email.Trim();
        if (email is not null && !NotificationSettings.IsValidEmail(email))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "email", "The e-mail address must look like name@example.nl, at most 254 characters."));
        }

        if (!HubLanguages.IsSupported(registration.Language))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "language", $"The language must be one of {string.Join(", ", HubLanguages.All)}."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var address = PostalAddress.Normalised(registration.Street!, registration.HouseNumber!, registration.Postcode!, registration.Town!);
        state.State.Profile = new ResidentProfile(name!, address, phone, now, desk.Name);
        state.State.Roles = [Access.HubRole.Resident];
        state.State.Consent = registration.Consent ? new ResidentConsent(now, desk.Name, desk.Channel) : null;
        // Whoever has no other way hears of their own initiatives by letter; the desk can change it.
        state.State.Settings = NotificationSettings.Defaults(state.State.Roles) with
        {
            Email = email,
            Language = registration.Language,
            Channels = new Dictionary<NoticeKind, NoticeChannel>
            {
                [NoticeKind.OwnInitiative] = email is null ? NoticeChannel.Letter : NoticeChannel.EmailNow,
                [NoticeKind.Answers] = email is null ? NoticeChannel.Letter : NoticeChannel.EmailNow,
                [NoticeKind.Following] = email is null ? NoticeChannel.Site : NoticeChannel.WeeklyDigest,
                [NoticeKind.Work] = NoticeChannel.Site,
            },
        };
        await IssueCode(now);
        await state.WriteStateAsync();
        await directory.Store(Listing(), default);
        return [];
    }

    private ResidentListing Listing()
    {
        var profile = state.State.Profile!;
        return new ResidentListing(this.GetPrimaryKeyString(), profile.Name, profile.Address.Postcode, profile.Address.HouseNumber, profile.Address.Street);
    }

    /// <summary>A new code in memory and in the directory (stored with the caller's write).</summary>
    private async Task<string> IssueCode(DateTimeOffset now)
    {
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        var code = $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
        state.State.TakeOverCode = code;
        state.State.TakeOverExpires = now + TakeOverCodeLifetime;
        await directory.StoreCode(HashCode(code), this.GetPrimaryKeyString(), now + TakeOverCodeLifetime);
        return code;
    }

    /// <summary>The code as stored: a hash of its letters and digits, whatever the spaces, dashes or case typed.</summary>
    public static string HashCode(string code)
    {
        var normal = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
    }

    public Task<ResidentRecord?> GetRecord() => Task.FromResult(state.State.Profile is { } profile
        ? new ResidentRecord(this.GetPrimaryKeyString(), profile, Settings.Email, Settings.Language, state.State.Consent,
            state.State.TakenOver is null ? state.State.TakeOverCode : null, state.State.TakeOverExpires, state.State.TakenOver)
        : null);

    public async Task RecordConsent(Assistance desk)
    {
        state.State.Consent = new ResidentConsent(time.GetUtcNow(), desk.Name, desk.Channel);
        await state.WriteStateAsync();
    }

    public async Task<string?> RenewTakeOverCode()
    {
        if (state.State.Profile is null || state.State.TakenOver is not null)
        {
            return null;
        }

        var code = await IssueCode(time.GetUtcNow());
        await state.WriteStateAsync();
        return code;
    }

    public async Task TakenOver(DateTimeOffset at)
    {
        state.State.TakenOver ??= at;
        state.State.TakeOverCode = null;
        await state.WriteStateAsync();
    }

    public async Task MergeFrom(string otherUserId)
    {
        var other = GrainFactory.GetGrain<IPersonGrain>(otherUserId);
        foreach (var code in await other.GetFollowedNeighbourhoods())
        {
            if (!state.State.Neighbourhoods.Contains(code))
            {
                state.State.Neighbourhoods.Add(code);
            }
        }

        var theirs = await other.GetSettings(null);
        if (Settings.Email is null && theirs.Email is not null)
        {
            state.State.Settings = Settings with { Email = theirs.Email };
        }

        await state.WriteStateAsync();
        var notices = await other.GetInboxAfter(0, int.MaxValue);
        var userId = this.GetPrimaryKeyString();
        // Copies, not deliveries from an outbox: no sweep would bring them back, so stored durably.
        await Store([.. notices.Select(n => new PrivateEntry(userId, n.Kind, n.InitiativeId, n.Title, n.Text, n.OccurredAt, n.EventId, n.Notice))], durable: true);
    }

    public async Task<IReadOnlyList<UserError>> SetContact(string? name, string? street, string? houseNumber, string? postcode, string? town, string? phone)
    {
        var errors = new List<UserError>();
        var given = !string.IsNullOrWhiteSpace(street) || !string.IsNullOrWhiteSpace(houseNumber) || !string.IsNullOrWhiteSpace(postcode);
        if (given)
        {
            errors.AddRange(PostalAddress.Validate(street, houseNumber, postcode, town));
            if (ResidentProfile.CheckName(name, "Give the name for the address on the envelope.") is { } nameError)
            {
                errors.Add(nameError);
            }
        }

        var (normalPhone, phoneError) = ResidentProfile.CheckPhone(phone);
        if (phoneError is not null)
        {
            errors.Add(phoneError);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var held = state.State.Profile;
        state.State.Profile = given
            ? new ResidentProfile(name!.Trim(), PostalAddress.Normalised(street!, houseNumber!, postcode!, town!), normalPhone, held?.RegisteredAt ?? time.GetUtcNow(), held?.RegisteredBy ?? "")
            : held is null && normalPhone is null ? null
            : held is null ? new ResidentProfile(name?.Trim() ?? "", new PostalAddress("", "", "", ""), normalPhone, time.GetUtcNow(), "")
            : held with { Phone = normalPhone };
        await state.WriteStateAsync();
        if (held is not null && this.GetPrimaryKeyString().StartsWith(DeskPrefix, StringComparison.Ordinal) && state.State.Profile is not null)
        {
            await directory.Store(Listing(), default);
        }

        return [];
    }

    public async Task SetLanguage(string language)
    {
        if (HubLanguages.IsSupported(language) && Settings.Language != language)
        {
            state.State.Settings = Settings with { Language = language };
            await state.WriteStateAsync();
        }
    }

    /// <summary>Whether a letter can reach the person: a postal address is on record.</summary>
    private bool HasAddress => state.State.Profile is { Address.Street.Length: > 0 };

    /// <summary>How a notice of this kind reaches the person now: by the chosen channel when it can, on the site otherwise.</summary>
    private NoticeRoute Route(NoticeKind kind) => Settings.ChannelFor(kind) switch
    {
        NoticeChannel.EmailNow or NoticeChannel.DailyDigest or NoticeChannel.WeeklyDigest when Settings.Email is not null && Settings.EmailProblem is null => NoticeRoute.Email,
        NoticeChannel.Letter when HasAddress => NoticeRoute.Letter,
        NoticeChannel.Phone when state.State.Profile?.Phone is not null => NoticeRoute.Phone,
        _ => NoticeRoute.Site,
    };
}
