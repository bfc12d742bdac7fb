using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EcosystemMarket.TestSupport.Processes;

/// <summary>
/// Ports for processes to listen on. They come from below the kernel's ephemeral range: a port the kernel picks
/// for a bind to 0 comes from that range, from which every outgoing connection on the machine also draws, so
/// between our check and the service's bind some connection could take it (seen with several systems starting
/// side by side in the tests).
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly int BelowEphemeral = EphemeralRangeStart();
    // The Aspire dashboard's default and RabbitMQ's management and distribution ports are never handed out.
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new([new(18888, true), new(15672, true), new(25672, true)]);

    public static int Next()
    {
        for (var attempt = 0; BelowEphemeral > Lowest && attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, BelowEphemeral);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 0;
    }
}
