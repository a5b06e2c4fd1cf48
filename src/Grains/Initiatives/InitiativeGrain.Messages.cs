using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Feed;
using Haarlem.Initiatives.Grains.Lifecycle;

namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>Private messages between the initiator and the municipality.</summary>
public sealed partial class InitiativeGrain
{
    public async Task<InitiativeChangeResult> SendMessage(string text, string fromName, bool fromInitiator)
    {
        if (state.State.Details is not { } details)
        {
            return NotFound;
        }

        List<UserError> errors = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new UserError(UserErrorCodes.Required, "text", "The message cannot be empty or only spaces."));
        }
        else if (text.Trim().Length > InitiativeMessage.MaxLength)
        {
            errors.Add(new UserError(UserErrorCodes.TooLong, "text", $"The message can be at most {InitiativeMessage.MaxLength} characters."));
        }

        var recipient = fromInitiator ? state.State.Contact?.OfficialId : state.State.Initiator?.UserId;
        if (recipient is null)
        {
            errors.Add(new UserError("NO_RECIPIENT", "initiativeId", fromInitiator
                ? "The initiative has no contact official yet; a coordinator assigns one soon."
                : "The initiative has no initiator to write to any more."));
        }

        if (errors.Count > 0)
        {
            return new InitiativeChangeResult(null, errors);
        }

        var now = time.GetUtcNow();
        var message = new InitiativeMessage(state.State.Messages.Count + 1, fromName, fromInitiator, text.Trim(), now, Assisted);
        state.State.Messages.Add(message);
        Notify(recipient!, FeedItemKind.MessageReceived, $"Bericht van {fromName}: {message.Text}", now,
            $"{details.Id:N}:message:{message.Number}", fromInitiator ? Notifications.NoticeKind.Work : Notifications.NoticeKind.OwnInitiative);
        await Save();
        return new InitiativeChangeResult(details, []);
    }

    public Task<IReadOnlyList<InitiativeMessage>?> GetMessages() => Task.FromResult<IReadOnlyList<InitiativeMessage>?>(
        state.State.Details is null ? null : state.State.Messages);
}
