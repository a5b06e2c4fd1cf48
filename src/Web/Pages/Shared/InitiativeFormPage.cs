using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Web.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Shared;

/// <summary>
/// A workspace page about one initiative with forms that change it (the official's, the
/// initiator's): it is shown to those the rules let read the initiative's private side, every
/// change goes through <see cref="InitiativeCommands"/> (rules, person index, audit), a change
/// that worked redirects back with a note, and one that did not shows its errors next to the
/// fields of the form it came from.
/// </summary>
public abstract class InitiativeFormPage(IGrainFactory grains, InitiativeCommands commands, HubAuthorization authorization) : PageModel
{
    public InitiativeDetails Initiative { get; private set; } = null!;

    /// <summary>The grains, for what a page reads beside the initiative.</summary>
    protected IGrainFactory GrainFactory => grains;

    /// <summary>The partners, agreements and change log.</summary>
    public InitiativeFile Dossier { get; private set; } = null!;

    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public int AgreementNumber { get; set; }
    [BindProperty] public bool Kept { get; set; }
    [BindProperty] public string? PartnerName { get; set; }
    [BindProperty] public PartnerKind? PartnerKind { get; set; }
    [BindProperty] public string? PartnerRole { get; set; }

    [BindProperty] public string? EditTitle { get; set; }
    [BindProperty] public string? EditSummary { get; set; }
    [BindProperty] public string? EditPlan { get; set; }
    [BindProperty] public string? EditReason { get; set; }
    [BindProperty] public string? RemoveName { get; set; }

    [BindProperty] public string? PlaceLatitude { get; set; }
    [BindProperty] public string? PlaceLongitude { get; set; }
    [BindProperty] public string? PlaceReason { get; set; }
    [BindProperty] public bool PlaceRemove { get; set; }

    public IReadOnlyList<UserError> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The form whose change just worked (after the redirect).</summary>
    [BindProperty(SupportsGet = true, Name = "gelukt")]
    public string? Done { get; set; }

    public string? ErrorFor(string form, string field) => FailedForm == form ? FormErrors.For(Errors, field) : null;

    /// <summary>This page's address for an initiative.</summary>
    protected abstract string PathOf(Guid id);

    /// <summary>What the person must be allowed to do with the initiative to see the page.</summary>
    protected abstract HubAction ViewAction { get; }

    /// <summary>Reads what the page shows beside the initiative's facts.</summary>
    protected abstract Task LoadMore(IInitiativeGrain grain, InitiativeAccess access);

    /// <summary>Called when a form's change was refused, before the page is shown again.</summary>
    protected virtual void OnRefused(string form, IReadOnlyList<UserError> errors)
    {
    }

    public async Task<IActionResult> OnGet(Guid id) => await Load(id) ?? Page();

    /// <summary>Records an agreement: who does what, before which day.</summary>
    public Task<IActionResult> OnPostAgreement(Guid id) => Run(id, "agreement", "recordAgreement", HubAction.ManageAgreements,
        (grain, actor, access) => grain.RecordAgreement(Who ?? string.Empty, What ?? string.Empty, Due ?? DateOnly.MinValue, actor.PublicName(access)));

    /// <summary>Marks an open agreement as kept or missed.</summary>
    public Task<IActionResult> OnPostMarkAgreement(Guid id) => Run(id, $"mark-{AgreementNumber}", "markAgreement", HubAction.ManageAgreements,
        (grain, actor, access) => grain.MarkAgreement(AgreementNumber, Kept, actor.PublicName(access)));

    /// <summary>Adds an organisation that takes part.</summary>
    public Task<IActionResult> OnPostPartner(Guid id) => Run(id, "partner", "addPartner", HubAction.ManagePartners,
        (grain, actor, access) => grain.AddPartner(
            new Partner(PartnerName ?? string.Empty, PartnerKind ?? (PartnerKind)(-1), PartnerRole ?? string.Empty), actor.PublicName(access)));

    /// <summary>Changes the initiative's own texts (title, description, plan); a reason once the decision is taken.</summary>
    public Task<IActionResult> OnPostUpdate(Guid id) => Run(id, "update", "updateInitiative", HubAction.EditInitiative,
        (grain, actor, access) => grain.UpdateInitiative(
            new InitiativeUpdate(EditTitle ?? string.Empty, EditSummary ?? string.Empty, EditPlan ?? string.Empty, null, EditReason), actor.PublicName(access)));

    /// <summary>Removes a partner organisation (named by the button's form).</summary>
    public Task<IActionResult> OnPostRemovePartner(Guid id) => Run(id, "removepartner", "removePartner", HubAction.ManagePartners,
        (grain, actor, access) => grain.RemovePartner(RemoveName ?? string.Empty, actor.PublicName(access), null));

    /// <summary>Puts the initiative on the map, moves it, or (the remove button) takes it off.</summary>
    public Task<IActionResult> OnPostPlace(Guid id)
    {
        if (!PlaceRemove && PlaceFields.Parse(PlaceLatitude, PlaceLongitude, "location") is { Errors.Count: > 0 } wrong)
        {
            return Refuse(id, "place", wrong.Errors);
        }

        var place = PlaceRemove ? null : PlaceFields.Parse(PlaceLatitude, PlaceLongitude, "location").Point;
        return Run(id, "place", "setInitiativeLocation", HubAction.EditInitiative,
            (grain, actor, access) => grain.SetLocation(place, actor.PublicName(access), PlaceReason));
    }

    /// <summary>Shows a form's errors found before any change was tried.</summary>
    private async Task<IActionResult> Refuse(Guid id, string form, IReadOnlyList<UserError> errors)
    {
        Errors = errors;
        FailedForm = form;
        OnRefused(form, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(id) ?? Page();
    }

    /// <summary>Runs one form's change; <paramref name="form"/> names the form (its kind before any '-').</summary>
    protected async Task<IActionResult> Run(
        Guid id, string form, string auditName, HubAction action,
        Func<IInitiativeGrain, Actor, InitiativeAccess, Task<InitiativeChangeResult>> change, bool remembersPerson = false)
    {
        var result = await commands.Change(User, auditName, id, action, change, HttpContext.RequestAborted, remembersPerson);
        var kind = form.Split('-')[0];
        if (result.Errors.Count == 0)
        {
            return Redirect($"{PathOf(id)}?gelukt={kind}");
        }

        Errors = result.Errors;
        FailedForm = form;
        OnRefused(form, result.Errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Load(id) ?? Page();
    }

    private async Task<IActionResult?> Load(Guid id)
    {
        var grain = grains.GetGrain<IInitiativeGrain>(id);
        if (await grain.GetAccess() is not { } access || await grain.GetDetails() is not { } initiative)
        {
            return NotFound();
        }

        if (await authorization.Check(User, ViewAction, access) is { } refused)
        {
            return refused.Code == UserErrorCodes.Unauthenticated ? Challenge() : Forbid();
        }

        Initiative = initiative;
        Dossier = (await grain.GetFile())!;
        await LoadMore(grain, access);
        return null;
    }
}
