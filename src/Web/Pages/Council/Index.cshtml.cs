using System.Globalization;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.GraphApi.Overview;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haarlem.Initiatives.Web.Pages.Council;

/// <summary>The council's dashboard: the overview figures as tables (and charts drawn from them), by period and district.</summary>
public sealed class IndexModel(CouncilOverview overview, IGrainFactory grains) : PageModel
{
    /// <summary>The district chosen; empty for the whole municipality.</summary>
    [BindProperty(SupportsGet = true, Name = "stadsdeel")]
    public string? District { get; set; }

    /// <summary>The first month, as yyyy-MM (an HTML month field).</summary>
    [BindProperty(SupportsGet = true, Name = "van")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public string? To { get; set; }

    public IReadOnlyList<string> Districts { get; private set; } = [];

    public CouncilFigures? Figures { get; private set; }

    /// <summary>A problem with the filter, in the person's language; the figures are then not shown.</summary>
    public string? FilterError { get; private set; }

    public async Task OnGet()
    {
        Districts = (await NeighbourhoodDirectory.Get(grains).List()).Select(n => n.District).Distinct().ToList();
        var district = string.IsNullOrWhiteSpace(District) ? null : District;
        if (district is not null && !Districts.Contains(district))
        {
            district = null;
        }

        DateOnly? from = Month(From);
        DateOnly? to = Month(To);
        if (from is { } start && to is { } end && start > end)
        {
            FilterError = "Council.FromAfterTo";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Figures = await overview.Get(district, from, to, HttpContext.RequestAborted);
        From = Figures.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To = Figures.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Share(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "–";
}
