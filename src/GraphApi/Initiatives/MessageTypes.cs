using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;
using Haarlem.Initiatives.GraphApi.Common;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class InitiativeMessageType : ObjectGraphType<InitiativeMessage>
{
    public InitiativeMessageType()
    {
        Name = "InitiativeMessage";
        Description = "A private message between the initiator and the municipality.";
        Field(m => m.Number).Description("Its number, from 1.");
        Field(m => m.FromName).Description("Who wrote it: the official's name, or 'Initiatiefnemer'.");
        Field(m => m.FromInitiator).Description("True when the initiator wrote it.");
        Field(m => m.Text).Description("The message.");
        Field(m => m.At).Description("When.");
        Field<NonNullGraphType<Overview.ContactChannelType>>("channel").Description("WEB when its writer sent it; COUNTER or PHONE when a desk worker passed it on for the initiator.").Resolve(c => c.Source.AssistedBy?.Channel ?? Grains.Desk.ContactChannel.Web);
        Field<StringGraphType>("assistedBy").Description("The desk worker who passed it on; null otherwise.").Resolve(c => c.Source.AssistedBy?.Name);
    }
}

public sealed class SendMessageInput : IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
}

public sealed class SendMessageInputType : InputObjectGraphType<SendMessageInput>
{
    public SendMessageInputType()
    {
        Name = "SendMessageInput";
        Description = "A private message about an initiative.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The message, at most {InitiativeMessage.MaxLength} characters.");
    }
}
