using GraphQL;
using GraphQL.Types.Relay.DataObjects;

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

    /// <summary>A Relay connection of one page.</summary>
    public static Connection<T> Connection<T>(IReadOnlyList<Edge<T>> edges, int totalCount, bool hasNextPage, bool hasPreviousPage) => new()
    {
        TotalCount = totalCount,
        Edges = [.. edges],
        PageInfo = new PageInfo
        {
            HasNextPage = hasNextPage,
            HasPreviousPage = hasPreviousPage,
            StartCursor = edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor = edges.Count > 0 ? edges[^1].Cursor : null,
        },
    };

    /// <summary>The error for a district no neighbourhood lies in, naming the districts there are.</summary>
    public static ExecutionError UnknownDistrict(string district, IEnumerable<Grains.Neighbourhoods.NeighbourhoodInfo> all) =>
        new($"There is no district '{district}'; the districts are {string.Join(", ", all.Select(n => n.District).Distinct())}.") { Code = "INVALID_ARGUMENT" };
}
