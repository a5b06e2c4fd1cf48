using System.Net;
using System.Net.Sockets;

namespace Haarlem.Initiatives.Testing;

/// <summary>Ports the operating system says are free, so hosts in parallel tests never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
