using GraphQL.Types;
using Haarlem.Initiatives.Grains.Initiatives;

namespace Haarlem.Initiatives.GraphApi.Initiatives;

public sealed class ThemeType : EnumerationGraphType<Theme>
{
    public ThemeType()
    {
        Name = "Theme";
        Description = "What an initiative is about: GREEN, PLAY, SOCIAL, CULTURE, SPORT, SAFETY, SUSTAINABILITY, MOBILITY or OTHER.";
    }
}
