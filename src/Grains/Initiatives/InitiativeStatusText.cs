namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>The plain-Dutch label of each status (the ZGW status type's name for residents).</summary>
public static class InitiativeStatusText
{
    public static string DutchLabel(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Submitted => "Ingediend",
        InitiativeStatus.Exploring => "Verkenning",
        InitiativeStatus.WorkingOut => "Uitwerking",
        InitiativeStatus.Decision => "Besluit",
        InitiativeStatus.Realisation => "Uitvoering",
        InitiativeStatus.Completed => "Afgerond",
        InitiativeStatus.Withdrawn => "Ingetrokken",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}
