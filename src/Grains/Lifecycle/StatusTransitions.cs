using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Lifecycle;

/// <summary>
/// The lifecycle of an initiative, mapped onto ZGW status types: Submitted → Exploring → Working
/// out → Decision → Realisation → Completed, in that order. A decision "not approved" ends the
/// initiative (Decision → Completed). Withdrawn can follow any open step, with a reason.
/// </summary>
public static class StatusTransitions
{
    public const int ExplanationMaxLength = 2000;
    public const int ReasonMaxLength = 2000;

    /// <summary>The step that normally follows, or null at the end.</summary>
    public static InitiativeStatus? Next(InitiativeStatus status, DecisionOutcome? outcome = null) => status switch
    {
        InitiativeStatus.Submitted => InitiativeStatus.Exploring,
        InitiativeStatus.Exploring => InitiativeStatus.WorkingOut,
        InitiativeStatus.WorkingOut => InitiativeStatus.Decision,
        InitiativeStatus.Decision when outcome == DecisionOutcome.NotApproved => InitiativeStatus.Completed,
        InitiativeStatus.Decision => InitiativeStatus.Realisation,
        InitiativeStatus.Realisation => InitiativeStatus.Completed,
        _ => null,
    };

    public static bool IsOpen(InitiativeStatus status) =>
        status is not (InitiativeStatus.Completed or InitiativeStatus.Withdrawn);

    /// <summary>
    /// Checks a requested change against the current step (and, from Decision, its outcome).
    /// An empty list means the change is allowed.
    /// </summary>
    public static IReadOnlyList<UserError> Check(InitiativeStatus current, DecisionOutcome? currentOutcome, StatusChangeRequest request)
    {
        var errors = new List<UserError>();
        var allowed = request.Status == InitiativeStatus.Withdrawn
            ? IsOpen(current)
            : Next(current, currentOutcome) == request.Status;
        if (!allowed)
        {
            errors.Add(new UserError("ILLEGAL_TRANSITION", "status",
                $"An initiative in step {current.DutchLabel()} ({current}) cannot go to {request.Status.DutchLabel()} ({request.Status})" +
                (Next(current, currentOutcome) is { } next ? $"; the next step is {next.DutchLabel()} ({next})." : "; it has ended.")));
        }

        if (string.IsNullOrWhiteSpace(request.Explanation))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "explanation", "The explanation for residents is required."));
        }
        else if (request.Explanation.Trim().Length > ExplanationMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "explanation", $"The explanation can be at most {ExplanationMaxLength} characters."));
        }

        if (request.Status == InitiativeStatus.Decision && request.Outcome is null)
        {
            errors.Add(new UserError(UserErrorCodes.Required, "outcome", "A decision needs an outcome: approved, approved with conditions or not approved."));
        }
        else if (request.Status != InitiativeStatus.Decision && request.Outcome is not null)
        {
            errors.Add(new UserError("NOT_ALLOWED", "outcome", "An outcome can only be given with the step Decision."));
        }

        var needsReason = request.Status == InitiativeStatus.Withdrawn ||
                          (request.Status == InitiativeStatus.Decision && request.Outcome is DecisionOutcome.NotApproved or DecisionOutcome.ApprovedWithConditions);
        if (needsReason && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "reason",
                request.Status == InitiativeStatus.Withdrawn
                    ? "A withdrawal needs a reason."
                    : "A decision that is not a plain approval needs a reason (the conditions, or why not)."));
        }
        else if (request.Reason is { } reason && reason.Trim().Length > ReasonMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "reason", $"The reason can be at most {ReasonMaxLength} characters."));
        }

        return errors;
    }
}
