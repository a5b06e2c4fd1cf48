namespace Haarlem.Initiatives.Web.Addresses;

/// <summary>
/// The pages live at Dutch addresses (<c>/buurten/{code}</c>, <c>/initiatieven/{id}</c>, ...), in
/// English too: the language is the switch's, not the address's. The English addresses the hub
/// used before still work, so that links in emails and feed items already sent keep working: a
/// GET or HEAD gets a permanent redirect (301) to the Dutch address with the same query string.
/// Another method (a form on a page loaded before the change, a mail program's one-click
/// unsubscribe, which need not follow redirects) is served as if sent to the Dutch address.
/// </summary>
public static class DutchAddresses
{
    public const string Neighbourhoods = "/buurten";
    public const string Initiatives = "/initiatieven";
    public const string MyDetails = "/gegevens";
    public const string MyNotices = "/gegevens/meldingen";
    public const string Unsubscribe = "/meldingen/afmelden";

    /// <summary>The old English prefixes and their Dutch ones, longest first (a prefix matches whole segments only).</summary>
    public static readonly IReadOnlyList<(string Old, string New)> Renamed =
    [
        ("/notifications/unsubscribe", Unsubscribe),
        ("/account/notifications", MyNotices),
        ("/neighbourhoods", Neighbourhoods),
        ("/initiatives", Initiatives),
        ("/account", MyDetails),
    ];

    public static string Neighbourhood(string code) => $"{Neighbourhoods}/{code}";

    public static string Initiative(Guid id) => $"{Initiatives}/{id}";

    /// <summary>The Dutch address for an old English path, or null when the path is not an old one.</summary>
    public static string? DutchFor(PathString path)
    {
        foreach (var (old, renamed) in Renamed)
        {
            if (path.StartsWithSegments(old, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                return renamed + rest.Value;
            }
        }

        return null;
    }

    public static IApplicationBuilder UseDutchAddresses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (DutchFor(request.Path) is not { } target)
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase + target + request.QueryString;
            return;
        }

        request.Path = target;
        await next(context);
    });
}
