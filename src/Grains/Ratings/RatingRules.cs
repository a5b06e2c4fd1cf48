using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.Grains.Ratings;

public static class RatingRules
{
    public const int CommentMaxLength = 1000;

    /// <summary>Whether the initiative has reached the milestone, given the steps it reached.</summary>
    public static bool Reached(Milestone milestone, IReadOnlyCollection<InitiativeStatus> reached) => milestone switch
    {
        Milestone.AfterExploring => reached.Contains(InitiativeStatus.WorkingOut),
        Milestone.AfterDecision => reached.Contains(InitiativeStatus.Decision),
        Milestone.AtCompletion => reached.Contains(InitiativeStatus.Completed),
        _ => false,
    };

    public static IReadOnlyList<UserError> Validate(int mark, KanoScores kano, string? comment)
    {
        var errors = new List<UserError>();
        if (mark is < 1 or > 10)
        {
            errors.Add(new UserError("OUT_OF_RANGE", "mark", $"The mark must be from 1 to 10; it was {mark}."));
        }

        foreach (var (field, score) in kano.All().Where(s => s.Score is < 1 or > 5))
        {
            errors.Add(new UserError("OUT_OF_RANGE", field, $"The score for {field} must be from 1 to 5; it was {score}."));
        }

        if (comment is { } text && text.Trim().Length > CommentMaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "comment", $"The comment can be at most {CommentMaxLength} characters."));
        }

        return errors;
    }
}
