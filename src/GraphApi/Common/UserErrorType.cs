using GraphQL.Types;
using Haarlem.Initiatives.Grains.Common;

namespace Haarlem.Initiatives.GraphApi.Common;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "A problem with the input that the sender can fix. Nothing was stored.";
        Field(e => e.Code).Description("Stable code to translate on, for example REQUIRED, TOO_LONG, INVALID, NOT_FOUND, UNKNOWN_NEIGHBOURHOOD, UNAUTHENTICATED (sign in first) or FORBIDDEN (the rules do not allow it).");
        Field(e => e.Field).Description("The input field it concerns, for example `title`.");
        Field(e => e.Message).Description("A sentence naming the field and the rule.");
    }
}
