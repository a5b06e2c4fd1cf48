namespace Haarlem.Initiatives.Grains.Initiatives;

/// <summary>
/// The steps of an initiative in their fixed order, mapped onto the status types of the Dutch
/// ZGW case model (the number is the status type's order number).
/// </summary>
public enum InitiativeStatus
{
    /// <summary>Ingediend: the initiative was submitted.</summary>
    Submitted = 1,
    /// <summary>Verkenning: a first talk with the contact official.</summary>
    Exploring = 2,
    /// <summary>Uitwerking: the plan is worked out.</summary>
    WorkingOut = 3,
    /// <summary>Besluit: the municipality decides.</summary>
    Decision = 4,
    /// <summary>Uitvoering: the plan is carried out.</summary>
    Realisation = 5,
    /// <summary>Afgerond: done.</summary>
    Completed = 6,
    /// <summary>Ingetrokken: the initiator withdrew it.</summary>
    Withdrawn = 7,
}
