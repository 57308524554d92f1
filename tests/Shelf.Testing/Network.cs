using System.Net;
using System.Net.Sockets;

namespace Shelf.Testing;

/// <summary>Loopback ports for servers the tests start, and for "nothing listens here" cases.</summary>
public static class Network
{
    /// <summary>
    /// A TCP port on 127.0.0.1 that nothing listened on a moment ago. The OS hands out ephemeral
    /// ports in rotation, so the port stays free long enough for a test to use it.
    /// </summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
