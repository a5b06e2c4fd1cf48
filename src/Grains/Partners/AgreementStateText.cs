namespace Haarlem.Initiatives.Grains.Partners;

public static class AgreementStateText
{
    public static string DutchLabel(this AgreementState state) => state switch
    {
        AgreementState.Kept => "Nagekomen",
        AgreementState.Missed => "Niet nagekomen",
        _ => "Loopt nog",
    };
}
