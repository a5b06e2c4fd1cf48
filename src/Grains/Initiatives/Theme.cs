namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>What an initiative is about. Norms and reports are kept per theme.</summary>
public enum Theme
{
    /// <summary>Green: gardens, trees, façade plants.</summary>
    Green,
    /// <summary>Play: playgrounds and play streets.</summary>
    Play,
    /// <summary>Social: meeting, care and neighbourhood parties.</summary>
    Social,
    /// <summary>Culture: art, music, heritage.</summary>
    Culture,
    /// <summary>Sport and exercise.</summary>
    Sport,
    /// <summary>Safety in the street.</summary>
    Safety,
    /// <summary>Sustainability: energy, waste, climate.</summary>
    Sustainability,
    /// <summary>Mobility: traffic, parking, cycling.</summary>
    Mobility,
    /// <summary>Anything else.</summary>
    Other,
}
