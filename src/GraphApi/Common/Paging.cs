using GraphQL;

namespace Haarlem.Initiatives.GraphApi.Common;

/// <summary>Page sizes asked for through the API are bounded.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;

    public static int PageSize(IResolveFieldContext context, string argument, int fallback)
    {
        var size = context.GetArgument(argument, fallback);
        return size is >= 0 and <= MaxPageSize
            ? size
            : throw new ExecutionError($"The argument '{argument}' must be between 0 and {MaxPageSize}; it was {size}.") { Code = "INVALID_ARGUMENT" };
    }
}
