using GraphQL.Types;
using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.GraphApi.Common;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "A problem with the input that the sender can fix. Nothing was stored.";
        Field(e => e.Code).Description("Stable code to translate on: REQUIRED, TOO_LONG, UNKNOWN_NEIGHBOURHOOD, UNKNOWN_THEME, ALREADY_SUBMITTED.");
        Field(e => e.Field).Description("The input field it concerns, for example `title`.");
        Field(e => e.Message).Description("A sentence naming the field and the rule.");
    }
}
