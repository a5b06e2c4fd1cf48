using System.Security.Claims;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Haarlem.Initiatives.Web.Desk;

/// <summary>
/// The resident a desk worker has selected, kept in a protected cookie for the desk's pages only:
/// every act for a resident names the resident it is for, and the desk refuses one that is not
/// the selected resident (a form from another tab, an old page) or has no consent recorded.
/// </summary>
public sealed class DeskSession(IDataProtectionProvider protection, IGrainFactory grains)
{
    public const string CookieName = "haarlem.balie";

    private readonly IDataProtector _protector = protection.CreateProtector("Haarlem.Initiatives.Desk.SelectedResident");

    public void Select(HttpContext http, string userId) =>
        http.Response.Cookies.Append(CookieName, _protector.Protect(userId), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/balie",
        });

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/balie" });

    /// <summary>The selected resident's user id, or null.</summary>
    public string? Selected(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The selected resident's record, or null.</summary>
    public async Task<ResidentRecord?> SelectedRecord(HttpContext http) =>
        Selected(http) is { } userId ? await grains.GetGrain<IPersonGrain>(userId).GetRecord() : null;

    /// <summary>
    /// Who acts and for whom, when the desk worker may act for the resident the form names: the
    /// resident must be the selected one and have given consent. Otherwise the error says which rule.
    /// </summary>
    public async Task<(DeskAct? Act, UserError? Error)> Act(HttpContext http, string? residentId, ContactChannel channel)
    {
        var desk = HubClaims.ToActor(http.User);
        if (desk is null || !AccessRules.Allows(desk, HubAction.ActForResident))
        {
            return (null, new UserError(UserErrorCodes.Forbidden, "user", AccessRules.Describe(HubAction.ActForResident)));
        }

        var selected = Selected(http);
        if (selected is null || residentId != selected)
        {
            return (null, new UserError("NOT_SELECTED", "resident", "Select the resident you act for first (the form was for another resident, or none is selected)."));
        }

        if (await grains.GetGrain<IPersonGrain>(selected).GetRecord() is not { } record)
        {
            return (null, new UserError("NOT_SELECTED", "resident", "Select the resident you act for first (the form was for another resident, or none is selected)."));
        }

        if (record.Consent is null)
        {
            return (null, new UserError("CONSENT_MISSING", "consent", "Record the resident's consent to act for them first."));
        }

        if (channel is not (ContactChannel.Counter or ContactChannel.Phone))
        {
            return (null, new UserError(UserErrorCodes.Invalid, "channel", "Say how the resident reached you: at the counter or on the phone."));
        }

        var resident = new Actor(record.UserId, record.Profile.Name, new HashSet<HubRole> { HubRole.Resident });
        var principal = HubClaims.Principal(HubClaims.For(resident), "desk");
        return (new DeskAct(desk, resident, principal, record, new Assistance(desk.UserId, desk.Name, channel)), null);
    }
}

/// <summary>A desk worker acting for a resident: the resident's principal goes through the hub's rules, the assistance is stamped on the change.</summary>
public sealed record DeskAct(Actor Desk, Actor Resident, ClaimsPrincipal ResidentPrincipal, ResidentRecord Record, Assistance Assistance);
