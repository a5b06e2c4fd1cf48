using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Web.Maps;

/// <summary>
/// Where the maps' background comes from (<c>Map:TileUrl</c>, <c>Map:Attribution</c>). The default
/// is the Dutch government's free BRT-Achtergrondkaart (PDOK) in web mercator. <c>Map:TileUrl</c>
/// "none" shows the markers on a plain background. The tile server's origin is added to the
/// pages' Content-Security-Policy for images, and to nothing else.
/// </summary>
public sealed record MapSettings(string? TileUrl, string Attribution, int MaxZoom)
{
    public const string DefaultTileUrl = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    public const string DefaultAttribution = "Kaartgegevens © Kadaster (BRT-Achtergrondkaart, PDOK)";

    /// <summary>The scheme, host and port of <see cref="TileUrl"/>, for the Content-Security-Policy; null without tiles.</summary>
    public string? TileOrigin => TileUrl is null ? null : new Uri(TileUrl.Replace("{s}", "a", StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority);

    public static MapSettings Read(IConfiguration configuration)
    {
        var url = configuration["Map:TileUrl"];
        url = string.IsNullOrWhiteSpace(url) ? DefaultTileUrl : url.Trim();
        if (string.Equals(url, "none", StringComparison.OrdinalIgnoreCase))
        {
            url = null;
        }
        else if (!Uri.TryCreate(url.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
                 uri.Scheme is not ("https" or "http") ||
                 !url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal))
        {
            throw new HubConfigurationException(
                $"Map:TileUrl is '{url}', but it must be an http(s) address with {{z}}, {{x}} and {{y}} in it (a tile server in web mercator), or 'none'.");
        }

        var attribution = configuration["Map:Attribution"];
        return new MapSettings(url, string.IsNullOrWhiteSpace(attribution) ? DefaultAttribution : attribution.Trim(), 19);
    }
}
