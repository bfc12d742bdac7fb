using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EcosystemMarket.TestSupport;

namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// The whole system as a user starts it: the app host process, which starts the four services and the
/// gateway as processes of their own on free ports, against the real broker (a fresh virtual host).
/// </summary>
public partial class RunningSystem : IAsyncLifetime
{
    private readonly string[] _options;
    private readonly RabbitMqVirtualHost _broker = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"em-e2e-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private Process? _appHost;

    public RunningSystem() : this([])
    {
    }

    /// <summary>For fixtures that start the app host with more options, such as <c>--seed-demo</c>.</summary>
    protected RunningSystem(params string[] options) => _options = options;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>The system's own virtual host on the shared test broker.</summary>
    public string VirtualHost => _broker.Name;

    /// <summary>The dashboard's address and the run's browser token; null when the dashboard is not built.</summary>
    public Uri? Dashboard { get; private set; }
    public string? BrowserToken { get; private set; }
    public Uri ResourceService { get; private set; } = null!;
    public string ResourceServiceKey { get; private set; } = null!;
    public string SigningKey => File.ReadAllText(Path.Combine(_data, "signing-key")).Trim();
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public virtual async ValueTask InitializeAsync()
    {
        await _broker.InitializeAsync();
        var appHost = typeof(RunningSystem).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AppHostAssembly").Value!;
        var gatewayUrl = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _appHost = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", [appHost, "--data", _data, "--gateway-port", "0", "--dashboard-port", "0", "--messaging", _broker.ConnectionString,
                "--messaging-management", _broker.ManagementUrl, .. _options])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
            // The banner names the dashboard and the resource service before the gateway, so all are read once the gateway is.
            if (DashboardLine().Match(e.Data) is { Success: true } dashboard)
            {
                Dashboard = new Uri(dashboard.Groups[1].Value);
                BrowserToken = dashboard.Groups[2].Value;
            }
            if (ResourceServiceLine().Match(e.Data) is { Success: true } resourceService)
            {
                ResourceService = new Uri(resourceService.Groups[1].Value);
                ResourceServiceKey = resourceService.Groups[2].Value;
            }
            if (GatewayLine().Match(e.Data) is { Success: true } match)
            {
                gatewayUrl.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        _appHost.OutputDataReceived += collect;
        _appHost.ErrorDataReceived += collect;
        _appHost.Start();
        _appHost.BeginOutputReadLine();
        _appHost.BeginErrorReadLine();

        var started = await Task.WhenAny(gatewayUrl.Task, _appHost.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        if (started != gatewayUrl.Task)
        {
            throw new InvalidOperationException($"The app host did not start the system:\n{Output}");
        }
        Gateway = await gatewayUrl.Task;
    }

    public HttpClient Client() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (_appHost is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _appHost.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _appHost.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _appHost.Kill(entireProcessTree: true);
            }
        }
        _appHost?.Dispose();
        await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [GeneratedRegex(@"Gateway:\s+(http://\S+)")]
    private static partial Regex GatewayLine();

    [GeneratedRegex(@"Dashboard:\s+(http://[^/\s]+)/login\?t=(\S+)")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"Resource service:\s+(http://\S+) \(x-resource-service-key: (\S+)\)")]
    private static partial Regex ResourceServiceLine();
}
