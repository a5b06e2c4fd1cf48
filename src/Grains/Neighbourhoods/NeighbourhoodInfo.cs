namespace Haarlem.Initiatives.Grains.Neighbourhoods;

/// <summary>A neighbourhood (wijk) and the district (stadsdeel) it belongs to.</summary>
/// <param name="Code">Our stable code for it, used in addresses and the API.</param>
/// <param name="Name">Its name as residents know it.</param>
/// <param name="District">The district (stadsdeel) it lies in.</param>
/// <param name="CbsCode">The public CBS code (WKxxxxxx or BUxxxxxxxx) where known.</param>
[GenerateSerializer, Immutable, Alias("haarlem.neighbourhood-info")]
public sealed record NeighbourhoodInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string District,
    [property: Id(3)] string? CbsCode);
