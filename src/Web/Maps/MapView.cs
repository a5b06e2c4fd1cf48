using System.Text.Json;
using Haarlem.Initiatives.Grains.Geo;

namespace Haarlem.Initiatives.Web.Maps;

/// <summary>One marker given by the page itself (a list's markers come from its cards).</summary>
public sealed record MapMarker(string Id, double Lat, double Lon, string Label, string? Title = null, string? About = null, string? Status = null, string? Link = null);

/// <summary>
/// A map on a page (partial _Map): its id, what it shows in words (the accessible name and the
/// description next to it), and where its markers come from: <see cref="CardsId"/> (the cards of the
/// list it stands next to), <see cref="Markers"/>, or a place picker with the ids of a form's
/// latitude and longitude inputs.
/// </summary>
public sealed record MapView(string Id, string Label, string Description)
{
    public string? CardsId { get; init; }

    public IReadOnlyList<MapMarker> Markers { get; init; } = [];

    public (string Latitude, string Longitude)? Pick { get; init; }

    public string MarkersJson => JsonSerializer.Serialize(Markers, JsonSerializerOptions.Web);

    public string? PickIds => Pick is { } pick ? $"{pick.Latitude},{pick.Longitude}" : null;

    public static string BoundsText(GeoBounds bounds) => string.Join(',',
        new[] { bounds.South, bounds.West, bounds.North, bounds.East }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
