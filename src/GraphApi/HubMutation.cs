using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Officials;
using Haarlem.Initiatives.Grains.Partners;
using Haarlem.Initiatives.GraphApi.Common;
using Haarlem.Initiatives.GraphApi.Initiatives;
using Haarlem.Initiatives.GraphApi.Input;
using Haarlem.Initiatives.GraphApi.Lifecycle;
using Haarlem.Initiatives.GraphApi.Officials;
using Haarlem.Initiatives.GraphApi.Partners;
using Haarlem.Initiatives.GraphApi.Ratings;
using Haarlem.Initiatives.GraphApi.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Haarlem.Initiatives.GraphApi;

/// <summary>
/// Every change. Each mutation takes one input object and returns a payload with <c>errors</c>
/// for input to fix; a refusal by the access rules is an error too (UNAUTHENTICATED or FORBIDDEN).
/// </summary>
public sealed class HubMutation : ObjectGraphType
{
    public HubMutation()
    {
        Name = "Mutation";
        Description = "Change things. Sign in first (a bearer token). Each mutation takes one input object and returns a payload with `errors` for input to fix or for a rule that refused you.";

        Field<NonNullGraphType<SubmitInitiativePayloadType>>("submitInitiative")
            .Description("Starts a new initiative as the signed-in resident; it appears in its neighbourhood's feed at once.")
            .Argument<NonNullGraphType<SubmitInitiativeInputType>>("input", "The new initiative.")
            .ResolveAsync(async context =>
            {
                var submission = context.GetArgument<SubmitInitiative>("input");
                var commands = context.RequestServices!.GetRequiredService<InitiativeCommands>();
                // One id for every try: a repeated submission returns the stored initiative.
                return await commands.Submit(context.User ?? new ClaimsPrincipal(), Guid.NewGuid(), submission, context.CancellationToken);
            });

        this.AddChange<UpdateInitiativeInputType, UpdateInitiativeInput>(
            "updateInitiative", "Changes the title, summary, plan or conditions (the initiator, the contact official or a coordinator); logged with before and after, and a reason after the decision.",
            _ => HubAction.EditInitiative,
            (grain, actor, access, input) => grain.UpdateInitiative(
                new InitiativeUpdate(input.Title, input.Summary, input.Plan, input.Conditions, input.Reason), actor.PublicName(access)));

        this.AddChange<Geo.SetInitiativeLocationInputType, Geo.SetInitiativeLocationInput>(
            "setInitiativeLocation", "Puts the initiative on the map or moves it (the initiator, the contact official or a coordinator): within the municipality; logged, in the feed, and residents who follow the area around their home hear of it.",
            _ => HubAction.EditInitiative,
            (grain, actor, access, input) => grain.SetLocation(input.Location, actor.PublicName(access), input.Reason));

        Field<NonNullGraphType<Geo.SetHomePayloadType>>("setHome")
            .Description("Sets the area around your home you follow (or with home null stops it): new initiatives and changes with a place within the radius reach you as news you follow, across neighbourhood borders.")
            .Argument<Geo.HomeAreaInputType>("home", "Your home point and radius; null removes it.")
            .ResolveAsync(async context =>
            {
                var home = context.GetArgument<Grains.Geo.HomeArea?>("home");
                var commands = context.RequestServices!.GetRequiredService<InitiativeCommands>();
                return await commands.SetHome(context.User ?? new ClaimsPrincipal(), home, context.CancellationToken);
            });

        this.AddChange<WithdrawInitiativeInputType, WithdrawInitiativeInput>(
            "withdrawInitiative", "Stops the initiative with a reason (the initiator only).",
            _ => HubAction.Withdraw,
            (grain, actor, access, input) => grain.ChangeStatus(
                new StatusChangeRequest(InitiativeStatus.Withdrawn, string.IsNullOrWhiteSpace(input.Explanation) ? WithdrawnText : input.Explanation, null, input.Reason, input.PublishAnyway),
                actor.PublicName(access)));

        this.AddChange<EscalateInputType, EscalateInput>(
            "escalate", "Puts the initiative on the Bestuur op Maat agenda by hand, with a reason (the contact official or a coordinator); it goes there by itself when its step is 10 working days late.",
            _ => HubAction.ChangeStatus,
            (grain, actor, access, input) => grain.Escalate(input.Reason, actor.PublicName(access)));

        this.AddChange<SendMessageInputType, SendMessageInput>(
            "sendMessage", "A private message: the initiator writes to the contact official; the contact official or a coordinator writes to the initiator, who hears of it by their chosen channel.",
            _ => HubAction.SendMessage,
            (grain, actor, access, input) => grain.SendMessage(input.Text, actor.PublicName(access), access.InitiatorId == actor.UserId));

        AddFollow("follow", follow: true);
        AddFollow("unfollow", follow: false);

        this.AddChange<ChangeStatusInputType, ChangeStatusInput>(
            "changeStatus", "Moves the initiative to its next step with a plain-language explanation (the contact official or a coordinator), or withdraws it (the initiator).",
            input => input.Status == InitiativeStatus.Withdrawn ? HubAction.Withdraw : HubAction.ChangeStatus,
            (grain, actor, access, input) => grain.ChangeStatus(
                new StatusChangeRequest(input.Status, input.Explanation, input.Outcome, input.Reason, input.PublishAnyway), actor.PublicName(access)));

        this.AddChange<ExtendStepInputType, ExtendStepInput>(
            "extendStep", "Gives the current step a later date, with a reason (the contact official or a coordinator).",
            _ => HubAction.ExtendStep,
            (grain, actor, access, input) => grain.ExtendStep(new ExtendStepRequest(input.NewDate, input.Reason, input.PublishAnyway), actor.PublicName(access)));

        this.AddChange<AssignContactOfficialInputType, AssignContactOfficialInput>(
            "assignContactOfficial", "Assigns the one contact official, or hands over to another (a coordinator).",
            _ => HubAction.AssignContactOfficial,
            (grain, actor, _, input) => grain.AssignContactOfficial(
                new ContactOfficial(input.OfficialId, input.Name, input.Role, input.Team, input.Email, input.Phone), actor.Name, input.Reason));

        this.AddChange<AddPartnerInputType, AddPartnerInput>(
            "addPartner", "Adds a partner organisation (the initiator, the contact official or a coordinator).",
            _ => HubAction.ManagePartners,
            (grain, actor, access, input) => grain.AddPartner(new Partner(input.Name, input.Kind, input.Role, input.ContactUserId), actor.PublicName(access), input.Reason));

        this.AddChange<RemovePartnerInputType, RemovePartnerInput>(
            "removePartner", "Removes a partner organisation (the initiator, the contact official or a coordinator).",
            _ => HubAction.ManagePartners,
            (grain, actor, access, input) => grain.RemovePartner(input.Name, actor.PublicName(access), input.Reason));

        this.AddChange<RecordAgreementInputType, RecordAgreementInput>(
            "recordAgreement", "Records who promises what, by when (the initiator, the contact official or a coordinator).",
            _ => HubAction.ManageAgreements,
            (grain, actor, access, input) => grain.RecordAgreement(input.Who, input.What, input.Due, actor.PublicName(access)));

        this.AddChange<MarkAgreementInputType, MarkAgreementInput>(
            "markAgreement", "Marks an agreement kept or missed (the initiator, the contact official or a coordinator).",
            _ => HubAction.ManageAgreements,
            (grain, actor, access, input) => grain.MarkAgreement(input.Number, input.Kept, actor.PublicName(access)));

        this.AddChange<GiveInputInputType, GiveInputInput>(
            "giveInput", "Gives support, a question, an idea or a concern as the signed-in resident.",
            _ => HubAction.GiveInput,
            (grain, actor, _, input) => grain.GiveInput(actor.UserId, input.Kind, input.Text),
            remembersPerson: true);

        this.AddChange<AnswerInputInputType, AnswerInputInput>(
            "answerInput", "Answers input with what was done with it (the initiator, the contact official or a coordinator).",
            _ => HubAction.AnswerInput,
            (grain, actor, access, input) => grain.AnswerInput(input.Number, input.Text, input.Outcome, input.Reason, actor.PublicName(access), input.PublishAnyway));

        this.AddChange<RateServiceInputType, RateServiceInput>(
            "rateService", "Rates the service at a milestone (the initiator, or a resident who gave input).",
            _ => HubAction.Rate,
            (grain, actor, access, input) => grain.Rate(actor.UserId, access.InitiatorId == actor.UserId, input.Milestone, input.Mark, input.Kano, input.Comment),
            remembersPerson: true);
    }

    public const string WithdrawnText = "De initiatiefnemer is met het initiatief gestopt.";

    private void AddFollow(string name, bool follow)
    {
        Field<NonNullGraphType<FollowPayloadType>>(name)
            .Description(follow
                ? "Follows an initiative or a neighbourhood as the signed-in person: you hear of every change."
                : "Stops following an initiative or a neighbourhood.")
            .Argument<NonNullGraphType<FollowInputType>>("input", "What to follow.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<FollowInput>("input");
                var user = context.User ?? new ClaimsPrincipal();
                var grains = context.RequestServices!.GetRequiredService<IGrainFactory>();
                if (input.InitiativeId is not null == input.NeighbourhoodCode is not null)
                {
                    return new FollowResult(false, [new UserError(UserErrorCodes.Required, "initiativeId", "Give exactly one of initiativeId and neighbourhoodCode.")]);
                }

                if (input.InitiativeId is { } initiativeText)
                {
                    if (!Guid.TryParse(initiativeText, out var id))
                    {
                        return new FollowResult(false, [new UserError("NOT_FOUND", "initiativeId", "There is no initiative with this id.")]);
                    }

                    var commands = context.RequestServices!.GetRequiredService<InitiativeCommands>();
                    var result = await commands.Change(user, name, id, HubAction.Follow,
                        (grain, actor, _) => follow ? grain.Follow(actor.UserId) : grain.Unfollow(actor.UserId),
                        context.CancellationToken, remembersPerson: follow);
                    return new FollowResult(result.Errors.Count == 0 && follow, result.Errors);
                }

                var errors = await context.RequestServices!.GetRequiredService<InitiativeCommands>()
                    .FollowNeighbourhood(user, input.NeighbourhoodCode!, follow, name, context.CancellationToken);
                return new FollowResult(errors.Count == 0 && follow, errors);
            });
    }
}
