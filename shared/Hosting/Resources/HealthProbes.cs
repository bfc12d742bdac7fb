using System.Net.Sockets;

namespace EcosystemMarket.Hosting.Resources;

/// <summary>Checks whether a resource is healthy; it never throws, a failure is a report with the reason.</summary>
public delegate Task<HealthReport> HealthProbe(CancellationToken cancellationToken);

public static class HealthProbes
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The service's own readiness endpoint: healthy on a 2xx answer.</summary>
    public static HealthProbe HttpGet(string url, TimeProvider? clock = null) => async cancellationToken =>
    {
        var at = (clock ?? TimeProvider.System).GetUtcNow();
        try
        {
            using var response = await Http.GetAsync(url, cancellationToken);
            return new HealthReport(response.IsSuccessStatusCode ? Healthy : Unhealthy, at, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new HealthReport(Unhealthy, at, exception.Message);
        }
    };

    /// <summary>Cheaper than rabbitmqctl (which starts an Erlang VM per call): the port accepts a connection.</summary>
    public static HealthProbe TcpConnect(int port, TimeProvider? clock = null) => async _ =>
    {
        var at = (clock ?? TimeProvider.System).GetUtcNow();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(5));
            return new HealthReport(Healthy, at, $"port {port} accepts connections");
        }
        catch (Exception exception) when (exception is SocketException or TimeoutException)
        {
            return new HealthReport(Unhealthy, at, exception.Message);
        }
    };

    /// <summary>For a process with nothing to ask: alive is healthy.</summary>
    public static HealthProbe ProcessAlive(TimeProvider? clock = null) => _ =>
        Task.FromResult(new HealthReport(Healthy, (clock ?? TimeProvider.System).GetUtcNow(), "process is running"));
}
