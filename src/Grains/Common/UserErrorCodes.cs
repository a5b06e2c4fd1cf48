namespace Haarlem.Initiatives.Grains.Common;

/// <summary>The codes of <see cref="UserError"/>; clients translate on these.</summary>
public static class UserErrorCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string UnknownNeighbourhood = "UNKNOWN_NEIGHBOURHOOD";
    public const string UnknownTheme = "UNKNOWN_THEME";
    public const string AlreadySubmitted = "ALREADY_SUBMITTED";
    public const string Invalid = "INVALID";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
}
