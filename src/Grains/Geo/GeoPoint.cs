namespace Haarlem.Initiatives.Grains.Geo;

/// <summary>A place on earth in WGS84 degrees (as GPS and web maps give it).</summary>
[GenerateSerializer, Immutable, Alias("haarlem.geo-point")]
public sealed record GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude)
{
    /// <summary>Rounded to 6 decimals (about 10 cm): more is noise from a map click, and it keeps stored values stable.</summary>
    public GeoPoint Rounded() => new(Math.Round(Latitude, 6), Math.Round(Longitude, 6));

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.######}, {Longitude:0.######}");
}

/// <summary>A resident's home point and how far around it they want to hear of initiatives.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.home-area")]
public sealed record HomeArea(
    [property: Id(0)] GeoPoint Point,
    [property: Id(1)] int RadiusMetres);

/// <summary>"Near this point": the initiatives within <paramref name="RadiusMetres"/> of it, nearest first.</summary>
[GenerateSerializer, Immutable, Alias("haarlem.near-filter")]
public sealed record NearFilter(
    [property: Id(0)] GeoPoint Point,
    [property: Id(1)] int RadiusMetres);

/// <summary>A rectangle in WGS84 degrees.</summary>
public sealed record GeoBounds(double South, double West, double North, double East)
{
    public bool Contains(GeoPoint point) =>
        point.Latitude >= South && point.Latitude <= North && point.Longitude >= West && point.Longitude <= East;
}
