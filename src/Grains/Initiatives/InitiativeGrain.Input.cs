using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Input;
using Haarlem.Initiatives.Grains.Lifecycle;
using Haarlem.Initiatives.Grains.Norms;
using Haarlem.Initiatives.Grains.PlainLanguage;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>Support and input with answers.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> GiveInput(string residentId, InputKind kind, string? text)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var errors = InputRules.ValidateInput(residentId, kind, text);
        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        if (kind == InputKind.Support)
        {
            // Support counts once per resident; giving it again changes nothing.
            if (state.State.Supporters.Add(residentId))
            {
                state.State.SupportGiven.Add(new Index.InputFigure(WorkingDays.DayOf(time.GetUtcNow()), Assisted?.Channel ?? Desk.ContactChannel.Web));
                await Save();
            }

            return new InitiativeChangeResult(details, []);
        }

        var now = time.GetUtcNow();
        var given = new ResidentInput(
            state.State.Input.Count + 1, kind, text!.Trim(), now,
            WorkingDays.Add(WorkingDays.DayOf(now), InputRules.AnswerNormWorkingDays), residentId, null, Assisted);
        state.State.Input.Add(given);
        if (state.State.Initiator is { } initiator && initiator.UserId != residentId)
        {
            Notify(initiator.UserId, FeedItemKind.InputAnswered,
                $"Een bewoner reageerde op uw initiatief ({KindLabel(kind)}): \"{Shorten(given.Text)}\"",
                now, $"{details.Id:N}:input:{given.Number}", Notifications.NoticeKind.OwnInitiative);
        }

        if (state.State.Contact is { } official)
        {
            // The contact official is told of new input to answer.
            Notify(official.OfficialId, FeedItemKind.InputAnswered,
                $"Nieuwe {KindLabel(kind)} van een bewoner: \"{Shorten(given.Text)}\" Beantwoord vóór {given.AnswerDue.ToString("d MMMM yyyy", DutchCulture)}.",
                now, $"{details.Id:N}:input:{given.Number}", Notifications.NoticeKind.Work);
        }

        await Save();

        return new InitiativeChangeResult(details, []);
    }

    public async Task<InitiativeChangeResult> AnswerInput(int number, string text, InputOutcome outcome, string? reason, string actor, bool publishAnyway)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        var index = state.State.Input.FindIndex(i => i.Number == number);
        var errors = index < 0
            ? [new UserError("NOT_FOUND", "number", $"There is no input {number}.")]
            : InputRules.ValidateAnswer(text, outcome, reason).ToList();
        if (index >= 0 && state.State.Input[index].Answer is not null)
        {
            errors.Add(new UserError("ALREADY_ANSWERED", "number", $"Input {number} has been answered already."));
        }

        var report = PlainLanguageChecker.Check($"{text} {reason}".Trim());
        if (errors.Count == 0 && !report.IsPlain && !publishAnyway)
        {
            errors.Add(new UserError("PLAIN_LANGUAGE", "text", $"The text has {report.Hints.Count} plain-language hint(s); improve it, or publish it anyway."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors, report.IsPlain ? null : report);
        }

        RecordPublished(report);
        var now = time.GetUtcNow();
        var input = state.State.Input[index];
        var answer = new InputAnswer(text.Trim(), outcome, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), actor, now,
            WorkingDays.Between(WorkingDays.DayOf(input.GivenAt), WorkingDays.DayOf(now)));
        state.State.Input[index] = input with { Answer = answer };
        if (!input.ResidentId.StartsWith(ErasedPrefix, StringComparison.Ordinal))
        {
            // The resident who asked hears of it personally, and only they do.
            Notify(input.ResidentId, FeedItemKind.InputAnswered,
                $"U vroeg: \"{Shorten(input.Text)}\" Het antwoord: {answer.Text}", now, $"{details.Id:N}:answer:{number}", Notifications.NoticeKind.Answers);
        }

        Announce(new FeedEntry(details.Id, ++state.State.EventCount, FeedItemKind.InputAnswered, details.Title,
            $"Een bewoner vroeg: \"{Shorten(input.Text)}\" Antwoord: {answer.Text}", now, await CurrentDue()));
        await Save();

        return new InitiativeChangeResult(details, []);
    }

    public Task<InitiativeInput?> GetInput() => Task.FromResult(
        state.State.Details is null ? null : new InitiativeInput(state.State.Supporters.Count, state.State.Input));

    private static string KindLabel(InputKind kind) => kind switch
    {
        InputKind.Question => "vraag",
        InputKind.Idea => "idee",
        _ => "zorg",
    };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
