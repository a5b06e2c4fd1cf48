using GraphQL.Types;
using Haarlem.Initiatives.Grains.Geo;

namespace Haarlem.Initiatives.GraphApi.Geo;

public sealed class LocationType : ObjectGraphType<GeoPoint>
{
    public LocationType()
    {
        Name = "Location";
        Description = "A place in WGS84 degrees.";
        Field(p => p.Latitude).Description("Degrees north.");
        Field(p => p.Longitude).Description("Degrees east.");
    }
}

public sealed class LocationInputType : InputObjectGraphType<GeoPoint>
{
    public LocationInputType()
    {
        Name = "LocationInput";
        Description = "A place in WGS84 degrees (as a web map or GPS gives it).";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north, from -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east, from -180 to 180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => Parse(value);

    public static GeoPoint Parse(IDictionary<string, object?> value) => new(
        Convert.ToDouble(value["latitude"], System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToDouble(value["longitude"], System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class NearInputType : InputObjectGraphType<NearFilter>
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "A circle: the initiatives with a place inside it, nearest first.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("The centre, degrees north, from -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("The centre, degrees east, from -180 to 180.");
        Field<NonNullGraphType<IntGraphType>>("radiusMetres").Description($"The radius in metres, from 1 to {GeoRules.MaxFilterRadiusMetres}.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new NearFilter(LocationInputType.Parse(value), Convert.ToInt32(value["radiusMetres"], System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class HomeAreaType : ObjectGraphType<HomeArea>
{
    public HomeAreaType()
    {
        Name = "HomeArea";
        Description = "The area around your home you follow (private: only you see it).";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north.").Resolve(c => c.Source.Point.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east.").Resolve(c => c.Source.Point.Longitude);
        Field(h => h.RadiusMetres).Description("How far around it, in metres: 250, 500 or 1000.");
    }
}

public sealed class HomeAreaInputType : InputObjectGraphType<HomeArea>
{
    public HomeAreaInputType()
    {
        Name = "HomeAreaInput";
        Description = "Your home point (within the municipality) and a radius of 250, 500 or 1000 metres.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east.");
        Field<NonNullGraphType<IntGraphType>>("radiusMetres").Description("250, 500 or 1000.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new HomeArea(LocationInputType.Parse(value), Convert.ToInt32(value["radiusMetres"], System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class SetInitiativeLocationInput : Common.IInitiativeInput
{
    public string InitiativeId { get; set; } = string.Empty;
    public GeoPoint? Location { get; set; }
    public string? Reason { get; set; }
}

public sealed class SetInitiativeLocationInputType : InputObjectGraphType<SetInitiativeLocationInput>
{
    public SetInitiativeLocationInputType()
    {
        Name = "SetInitiativeLocationInput";
        Description = "Puts the initiative on the map, moves it, or (location null) takes it off; logged with before and after.";
        Field<NonNullGraphType<IdGraphType>>("initiativeId").Description("The initiative.");
        Field<LocationInputType>("location").Description("The place, within the municipality; null removes it.");
        Field<StringGraphType>("reason").Description("Why; required once the decision is taken.");
    }
}

/// <summary>The home area after <c>setHome</c>, or what to fix.</summary>
public sealed record SetHomeResult(HomeArea? Home, IReadOnlyList<Grains.Common.UserError> Errors);

public sealed class SetHomePayloadType : ObjectGraphType<SetHomeResult>
{
    public SetHomePayloadType()
    {
        Name = "SetHomePayload";
        Description = "Your home area as stored (null: none), or the reasons nothing changed.";
        Field<HomeAreaType>("home").Description("The area you follow now; null when you follow none.").Resolve(c => c.Source.Home);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Common.UserErrorType>>>>("errors").Description("What to fix; empty on success.").Resolve(c => c.Source.Errors);
    }
}
