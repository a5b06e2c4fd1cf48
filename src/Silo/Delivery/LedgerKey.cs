namespace Haarlem.Initiatives.Silo.Delivery;

/// <summary>
/// How Orleans' ADO.NET grain storage keys a grain with a Guid key: the Guid's 16 bytes as two
/// 64-bit numbers (<c>GrainIdN0</c>, <c>GrainIdN1</c>). The ledger rows carry the same two.
/// </summary>
public static class LedgerKey
{
    public static (long N0, long N1) From(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return (BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
    }

    public static Guid ToGuid(long n0, long n1)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[..8], n0);
        BitConverter.TryWriteBytes(bytes[8..], n1);
        return new Guid(bytes);
    }
}
