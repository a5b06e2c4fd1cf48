using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Addresses;
using Haarlem.Initiatives.Web.Initiatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Haarlem.Initiatives.Web.Pages.Initiatives;

/// <summary>
/// The guided start: one question per page (what, theme, where, who takes part, how to reach
/// you), a check page, then the submission and a confirmation with what happens next. What was
/// typed travels in the form itself (hidden fields), so going back and forth keeps it without
/// JavaScript, without a server-side draft and in every browser tab on its own.
/// </summary>
public sealed class StartModel(
    IGrainFactory grains, InitiativeCommands commands, IStringLocalizer<SharedResource> texts, Grains.Geo.MunicipalityMap map) : PageModel
{
    /// <summary>The steps in order; the last one is the check page.</summary>
    public static readonly string[] StepNames = ["wat", "onderwerp", "waar", "wie", "contact", "controleren"];

    public const string Check = "controleren";

    [BindProperty]
    public string Step { get; set; } = StepNames[0];

    /// <summary>Set when the person came from the check page to change one answer: "next" goes back there.</summary>
    [BindProperty]
    public bool FromCheck { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "buurt")]
    public string? Neighbourhood { get; set; }

    [BindProperty]
    public string? PartnerName { get; set; }

    [BindProperty]
    public string? PartnerKind { get; set; }

    [BindProperty]
    public string? PartnerRole { get; set; }

    /// <summary>The place on the map (optional, asked with "where"), as typed or picked: two numbers.</summary>
    [BindProperty]
    public string? PlaceLatitude { get; set; }

    [BindProperty]
    public string? PlaceLongitude { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    /// <summary>Each field's message, in the person's language, in the order of the page.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodInfo> Neighbourhoods { get; private set; } = [];

    public int StepNumber => Array.IndexOf(StepNames, Step) + 1;

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public NeighbourhoodInfo? ChosenNeighbourhood => Neighbourhoods.FirstOrDefault(n => n.Code == Neighbourhood);

    public bool HasPlace => !string.IsNullOrWhiteSpace(PlaceLatitude) || !string.IsNullOrWhiteSpace(PlaceLongitude);

    public bool HasPartner => !string.IsNullOrWhiteSpace(PartnerName) || !string.IsNullOrWhiteSpace(PartnerRole) || !string.IsNullOrWhiteSpace(PartnerKind);

    public async Task<IActionResult> OnGet()
    {
        if (HubClaims.ToActor(User) is null)
        {
            return Challenge();
        }

        await LoadNeighbourhoods();
        Neighbourhood = ChosenNeighbourhood?.Code;
        return Page();
    }

    /// <summary>
    /// <paramref name="go"/>: "next" checks this step and goes on, "back" goes back without
    /// checking, "edit-{step}" opens a step from the check page, "send" submits from the check page,
    /// "taal-en" / "taal-nl" switches the language and shows the same step with what was typed.
    /// </summary>
    public async Task<IActionResult> OnPost(string? go)
    {
        if (HubClaims.ToActor(User) is null)
        {
            return Challenge();
        }

        await LoadNeighbourhoods();
        if (!StepNames.Contains(Step))
        {
            Step = StepNames[0];
        }

        var index = StepNumber - 1;
        switch (go)
        {
            case "back":
                Step = FromCheck ? Check : StepNames[Math.Max(0, index - 1)];
                FromCheck = false;
                return Page();
            case { } edit when edit.StartsWith("edit-", StringComparison.Ordinal) && StepNames.Contains(edit["edit-".Length..]):
                Step = edit["edit-".Length..];
                FromCheck = Step != Check;
                return Page();
            case "send":
                return await Send();
            case "taal-en" or "taal-nl":
                // The language link in the header, sent with the form by /js/start-language.js, so what was
                // typed stays. HubLocalization already answers this request in the new language.
                Localization.HubLocalization.Choose(HttpContext, go[^2..]);
                return Page();
            default:
                Errors = Validate(Step);
                if (Errors.Count > 0)
                {
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                }

                Step = FromCheck ? Check : StepNames[Math.Min(StepNames.Length - 1, index + 1)];
                FromCheck = false;
                return Page();
        }
    }

    private async Task<IActionResult> Send()
    {
        // Every step again: the form may have been changed on the way. The first step with a problem opens.
        foreach (var step in StepNames)
        {
            if (Validate(step) is { Count: > 0 } errors)
            {
                (Step, Errors, FromCheck) = (step, errors, true);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var id = Guid.NewGuid();
        var result = await commands.Submit(User, id, Submission(), HttpContext.RequestAborted);
        if (result.Initiative is null)
        {
            (Step, Errors) = (Check, result.Errors.Select(e => (e.Field, DutchUserErrors.InUserLanguage(e))).ToList());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var partnerAdded = true;
        if (HasPartner)
        {
            var added = await commands.Change(User, "addPartner", id, HubAction.ManagePartners,
                (grain, actor, access) => grain.AddPartner(Partner(), actor.PublicName(access)), HttpContext.RequestAborted);
            partnerAdded = added.Errors.Count == 0;
        }

        return Redirect($"{DutchAddresses.Initiative(id)}/bevestiging{(partnerAdded ? "" : "?partner=niet")}");
    }

    private IReadOnlyList<(string Field, string Message)> Validate(string step)
    {
        var fields = step switch
        {
            "wat" => ["title", "summary"],
            "onderwerp" => ["theme"],
            "waar" => ["neighbourhoodCode"],
            "contact" => ["contactEmail", "contactPhone"],
            _ => Array.Empty<string>(),
        };
        var errors = InitiativeRules.Validate(Submission())
            .Where(e => fields.Contains(e.Field))
            .Select(e => (Field: e.Field == "neighbourhoodCode" ? "neighbourhood" : e.Field, DutchUserErrors.InUserLanguage(e)))
            .ToList();
        if (step == "waar" && errors.Count == 0 && ChosenNeighbourhood is null)
        {
            errors.Add(("neighbourhood", DutchUserErrors.InUserLanguage(InitiativeRules.UnknownNeighbourhood(Neighbourhood ?? string.Empty))));
        }

        if (step == "waar" && HasPlace)
        {
            var place = Maps.PlaceFields.Parse(PlaceLatitude, PlaceLongitude, "location");
            var wrong = place.Point is { } point ? Grains.Geo.GeoRules.Validate(point, "location", map) : place.Errors;
            errors.AddRange(wrong.Select(e => (e.Field == "location.longitude" ? "placeLongitude" : "placeLatitude", DutchUserErrors.InUserLanguage(e))));
        }

        if (step == "wie" && HasPartner)
        {
            foreach (var error in PartnerRules.Validate(Partner()))
            {
                var field = "partner" + char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
                errors.Add((field, texts[$"Wizard.Error.{field}.{error.Code}"]));
            }
        }

        return errors;
    }

    private SubmitInitiative Submission()
    {
        var theme = Enum.TryParse<Theme>(Theme, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (Theme)(-1);
        var place = HasPlace ? Maps.PlaceFields.Parse(PlaceLatitude, PlaceLongitude, "location").Point : null;
        return new SubmitInitiative(Title ?? string.Empty, Summary ?? string.Empty, Neighbourhood ?? string.Empty, theme, ContactEmail, ContactPhone, place);
    }

    private Partner Partner()
    {
        var kind = Enum.TryParse<PartnerKind>(PartnerKind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (PartnerKind)(-1);
        return new Partner((PartnerName ?? string.Empty).Trim(), kind, (PartnerRole ?? string.Empty).Trim());
    }

    private async Task LoadNeighbourhoods() => Neighbourhoods = await NeighbourhoodDirectory.Get(grains).List();
}
