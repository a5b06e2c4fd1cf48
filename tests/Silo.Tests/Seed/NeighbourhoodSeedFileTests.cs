using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Silo.Configuration;
using Haarlem.Initiatives.Silo.Seed;
using Haarlem.Initiatives.Testing;

namespace Haarlem.Initiatives.Silo.Tests.Seed;

public sealed class NeighbourhoodSeedFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_Haarlem_file_lists_the_five_districts_and_their_neighbourhoods()
    {
        var neighbourhoods = NeighbourhoodSeedFile.Read(NeighbourhoodSeedFile.DefaultPath);

        neighbourhoods.Should().HaveCount(34);
        neighbourhoods.Select(n => n.District).Distinct().Should().Equal("Centrum", "Haarlem-Noord", "Haarlem-Oost", "Schalkwijk", "Zuid-West");
        neighbourhoods.Should().ContainSingle(n => n.Code == "zijlwegkwartier")
            .Which.Should().Be(new NeighbourhoodInfo("zijlwegkwartier", "Zijlwegkwartier", "Zuid-West", "WK039203"));
        neighbourhoods.Select(n => n.Code).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Another_municipality_can_load_its_own_file()
    {
        var path = _folder.File("zandvoort.json");
        File.WriteAllText(path, """
            { "districts": [ { "name": "Zandvoort", "neighbourhoods": [
                { "code": "centrum", "name": "Centrum" },
                { "code": "bentveld", "name": "Bentveld", "cbsCode": "WK047302" } ] } ] }
            """);

        NeighbourhoodSeedFile.Read(path).Should().Equal(
            new NeighbourhoodInfo("centrum", "Centrum", "Zandvoort", null),
            new NeighbourhoodInfo("bentveld", "Bentveld", "Zandvoort", "WK047302"));
    }

    [Theory]
    [InlineData("""{ "districts": [ { "name": "A", "neighbourhoods": [ { "code": "x", "name": "X" }, { "code": "x", "name": "Y" } ] } ] }""", "the code 'x' is used twice.")]
    [InlineData("""{ "districts": [ { "name": "A", "neighbourhoods": [ { "code": "", "name": "X" } ] } ] }""", "every district needs a name and every neighbourhood a code and a name.")]
    [InlineData("""{ "districts": [] }""", "lists no neighbourhoods.")]
    public void A_wrong_file_is_refused_with_what_is_wrong(string json, string problem)
    {
        var path = _folder.File("wrong.json");
        File.WriteAllText(path, json);

        FluentActions.Invoking(() => NeighbourhoodSeedFile.Read(path))
            .Should().Throw<HubConfigurationException>()
            .Which.Message.Should().EndWith(problem).And.StartWith($"Seed:NeighbourhoodsFile '{path}'");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = _folder.File("missing.json");

        FluentActions.Invoking(() => NeighbourhoodSeedFile.Read(path))
            .Should().Throw<HubConfigurationException>()
            .Which.Message.Should().StartWith($"Seed:NeighbourhoodsFile '{path}' cannot be read: Could not find file");
    }
}
