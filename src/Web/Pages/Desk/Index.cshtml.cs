using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Desk;
using Haarlem.Initiatives.Grains.People;
using Haarlem.Initiatives.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Desk;

/// <summary>The desk (counter and phone): find a resident by name or by postcode and house number, or register one; select who you act for.</summary>
public sealed class IndexModel(IResidentDirectory directory, DeskSession session, IGrainFactory grains) : PageModel
{
    /// <summary>The most residents one search shows.</summary>
    public const int MaxFound = 25;

    [BindProperty(SupportsGet = true, Name = "naam")] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "postcode")] public string? Postcode { get; set; }
    [BindProperty(SupportsGet = true, Name = "huisnummer")] public string? HouseNumber { get; set; }

    public IReadOnlyList<ResidentListing>? Found { get; private set; }

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    public ResidentRecord? Selected { get; private set; }

    public async Task OnGet()
    {
        Selected = await session.SelectedRecord(HttpContext);
        if (Name is null && Postcode is null && HouseNumber is null)
        {
            return;
        }

        Errors = Validate();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Found = await directory.Find(Name, Postcode, HouseNumber, MaxFound, HttpContext.RequestAborted);
    }

    private List<UserError> Validate()
    {
        var errors = new List<UserError>();
        var byName = !string.IsNullOrWhiteSpace(Name);
        var byAddress = !string.IsNullOrWhiteSpace(Postcode) || !string.IsNullOrWhiteSpace(HouseNumber);
        if (!byName && !byAddress)
        {
            errors.Add(new UserError(UserErrorCodes.Required, "search", "Give part of the name, or the postcode and house number."));
        }

        if (byName && Name!.Trim().Length > ResidentProfile.MaxNameLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "name", $"The name can be at most {ResidentProfile.MaxNameLength} characters."));
        }

        if (byAddress && PostalAddress.NormalisePostcode(Postcode) is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "postcode", "The postcode must be four digits and two letters, for example 2011 AB."));
        }

        if (!string.IsNullOrWhiteSpace(HouseNumber) && PostalAddress.NormaliseHouseNumber(HouseNumber) is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "houseNumber", "The house number must be 1 to 5 digits, with a letter or addition if there is one, for example 12 or 12a."));
        }

        return errors;
    }

    /// <summary>Selects the resident the desk worker acts for.</summary>
    public async Task<IActionResult> OnPostSelect(string? residentId)
    {
        if (residentId is null || await grains.GetGrain<IPersonGrain>(residentId).GetRecord() is null)
        {
            return NotFound();
        }

        session.Select(HttpContext, residentId);
        return Redirect("/balie/bewoner");
    }

    /// <summary>Stops acting for the selected resident.</summary>
    public IActionResult OnPostClear()
    {
        session.Clear(HttpContext);
        return Redirect("/balie");
    }
}
