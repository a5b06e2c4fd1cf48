using System.Text.Json;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Silo.Seed;

/// <summary>
/// Reads a municipality's districts and neighbourhoods from a JSON file, so another municipality
/// can load its own. Shape: <c>{ "districts": [ { "name", "neighbourhoods": [ { "code", "name", "cbsCode" } ] } ] }</c>.
/// </summary>
public static class NeighbourhoodSeedFile
{
    public const string DefaultFileName = "haarlem-neighbourhoods.json";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Seed", DefaultFileName);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<NeighbourhoodInfo> Read(string path)
    {
        SeedDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<SeedDocument>(stream, Options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new HubConfigurationException(
                $"Seed:NeighbourhoodsFile '{path}' cannot be read: {exception.Message.ReplaceLineEndings(" ")}", exception);
        }

        var neighbourhoods = new List<NeighbourhoodInfo>();
        foreach (var district in document?.Districts ?? [])
        {
            foreach (var n in district.Neighbourhoods ?? [])
            {
                if (string.IsNullOrWhiteSpace(n.Code) || string.IsNullOrWhiteSpace(n.Name) || string.IsNullOrWhiteSpace(district.Name))
                {
                    throw new HubConfigurationException(
                        $"Seed:NeighbourhoodsFile '{path}': every district needs a name and every neighbourhood a code and a name.");
                }

                neighbourhoods.Add(new NeighbourhoodInfo(n.Code.Trim(), n.Name.Trim(), district.Name.Trim(), n.CbsCode));
            }
        }

        var duplicate = neighbourhoods.GroupBy(n => n.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new HubConfigurationException($"Seed:NeighbourhoodsFile '{path}': the code '{duplicate.Key}' is used twice.");
        }

        if (neighbourhoods.Count == 0)
        {
            throw new HubConfigurationException($"Seed:NeighbourhoodsFile '{path}' lists no neighbourhoods.");
        }

        return neighbourhoods;
    }

    private sealed record SeedDocument(List<SeedDistrict>? Districts);

    private sealed record SeedDistrict(string? Name, List<SeedNeighbourhood>? Neighbourhoods);

    private sealed record SeedNeighbourhood(string? Code, string? Name, string? CbsCode);
}
