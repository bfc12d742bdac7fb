using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EcosystemMarket.TestSupport;
using EcosystemMarket.TestSupport.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace EcosystemMarket.EndToEndTests;

/// <summary>
/// The whole system as the app host starts it, through Aspire.Hosting.Testing: RabbitMQ, the four services and the
/// gateway as Aspire resources, on a data folder of the fixture's own and free ports. By default on a virtual host
/// of the shared test broker (<c>--messaging</c>); a subclass may start the app host's own RabbitMQ node as
/// <c>./run.sh start</c> does. The Aspire dashboard always runs: the services export their telemetry to it, and a
/// service whose OTLP endpoint does not answer takes over 10 s to stop, longer than Aspire waits on a restart.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    public static readonly string[] Services = ["partners", "matching", "brokering", "settlement", "gateway", "portal"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly bool _ownBroker;
    private readonly string[] _options;
    private readonly RabbitMqVirtualHost _broker = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"em-e2e-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private readonly CancellationTokenSource _stopping = new();
    private DistributedApplication? _app;

    public RunningSystem() : this(ownBroker: false)
    {
    }

    protected RunningSystem(bool ownBroker, params string[] options) => (_ownBroker, _options) = (ownBroker, options);

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not been started.");
    public Uri Gateway { get; private set; } = null!;
    public string SigningKey => File.ReadAllText(Path.Combine(_data, "signing-key")).Trim();

    /// <summary>The dashboard's address, its sign-in token and the key of its telemetry API.</summary>
    public Uri Dashboard { get; private set; } = null!;
    public string BrowserToken { get; } = Guid.NewGuid().ToString("N");
    public string TelemetryApiKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Every line every resource wrote, prefixed with its name: to explain a failure, and to find what the demo seeding reported.</summary>
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public virtual async ValueTask InitializeAsync()
    {
        string[] args = ["--data", _data, "--gateway-port", "0", .. _options];
        if (!_ownBroker)
        {
            await _broker.InitializeAsync();
            args = [.. args, "--messaging", _broker.ConnectionString];
        }
        var (dashboard, otlp, resources) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        Dashboard = new Uri($"http://localhost:{dashboard}/");
        args = [.. args, $"--ASPNETCORE_URLS={Dashboard}", $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{otlp}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{resources}", "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            $"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={BrowserToken}", $"--AppHost:DashboardApiKey={TelemetryApiKey}",
            // Aspire.Hosting.Testing moves proxied ports, the dashboard's among them, unless told not to.
            "--DcpPublisher:RandomizePorts=false"];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(typeof(EcosystemMarket.AppHost.AppHostOptions), args,
            (options, _) =>
            {
                options.DisableDashboard = false;
                // Kept in Output instead, shown when a test fails: every service's log in the test run's would drown it.
                options.EnableResourceLogging = false;
            }, _stopping.Token);
        _app = await builder.BuildAsync(_stopping.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await _app.StartAsync(timeout.Token);
            // Once started: only then does each resource know the name of its instance, under which its lines are kept.
            CollectOutput(_app);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The system did not become healthy within {StartTimeout}:\n{Tail(Output)}");
        }
        Gateway = _app.GetEndpoint("gateway", "http");
    }

    public HttpClient Client() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _stopping.CancelAsync();
        if (!_ownBroker)
        {
            await _broker.DisposeAsync();
        }
        TryDelete(_data);
    }

    /// <summary>The warnings and errors one resource logged, to explain a failed test (its whole log would drown them).</summary>
    public string ProblemsOf(string resource) =>
        string.Join('\n', Output.Split('\n').Where(line => line.StartsWith($"[{resource}] ", StringComparison.Ordinal)
            && (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("warn:", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal))).TakeLast(40));

    public static string Tail(string output, int lines = 80) => string.Join('\n', output.Split('\n').TakeLast(lines));

    private void CollectOutput(DistributedApplication app)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // By the resource, not its name: a project's log stream is kept under the name of its instance. Lines written
        // before the watch began are replayed.
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(r => r is not IResourceWithConnectionString))
        {
            _ = Task.Run(async () =>
            {
                await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stopping.Token))
                {
                    lock (_output)
                    {
                        foreach (var line in batch)
                        {
                            _output.Append('[').Append(resource.Name).Append("] ").AppendLine(line.Content);
                        }
                    }
                }
            }, _stopping.Token);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A broker node still letting go of its files: the temp folder is left for the OS to clean.
        }
    }
}
