using System.Diagnostics;

namespace EcosystemMarket.TestSupport.Processes;

/// <summary>
/// A private RabbitMQ node of a test (the app host runs its own as an Aspire resource), on its own ports and node name, so it runs beside any broker
/// the machine already has and keeps its queues between runs. It can be stopped (<c>rabbitmqctl stop</c>)
/// and started again on the same ports and files.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private static readonly string[] Locations = ["/usr/sbin/rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/local/sbin/rabbitmq-server"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _ctl;

    private RabbitMqNode(string server, string home, string nodeName, int port, int? managementPort, Action<string>? output)
    {
        Home = home;
        NodeName = nodeName;
        Port = port;
        ManagementPort = managementPort;
        _ctl = Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl");
        var startInfo = new ProcessStartInfo(server)
        {
            WorkingDirectory = home,
            Environment =
            {
                ["RABBITMQ_NODENAME"] = nodeName,
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = port.ToString(),
                ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(),
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
                ["RABBITMQ_LOGS"] = "-",
                ["RABBITMQ_PID_FILE"] = Path.Combine(home, "rabbitmq.pid"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(home, "enabled_plugins"),
                ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(home, "feature_flags"),
            },
        };
        if (managementPort is not null)
        {
            startInfo.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(home, "rabbitmq.conf");
        }
        // As root, rabbitmq-server runs the node under su: a signal to our child would not reach it.
        Process = new ChildProcess("rabbitmq", startInfo, StopCommandAsync, output);
    }

    public ChildProcess Process { get; }
    public string Home { get; }
    public string NodeName { get; }
    public int Port { get; }
    public int? ManagementPort { get; }
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>The management UI and HTTP API (user guest, password guest), when the node was created with it.</summary>
    public string? ManagementUrl => ManagementPort is { } port ? $"http://127.0.0.1:{port}/" : null;

    public static string? FindServer() =>
        Locations.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "rabbitmq-server")).FirstOrDefault(File.Exists);

    /// <param name="management">
    /// Enables the management plugin on a free loopback port. Off by default: it adds seconds to the node's
    /// start, which the tests that start nodes of their own need not pay.
    /// </param>
    public static RabbitMqNode Create(string server, string dataDirectory, Action<string>? output = null, bool management = false)
    {
        var home = RunsAsBrokerUser
            ? Path.Combine("/var/lib/rabbitmq/ecosystemmarket", NodeSuffix(dataDirectory))
            : Path.Combine(dataDirectory, "rabbitmq");
        Directory.CreateDirectory(Path.Combine(home, "mnesia"));
        Directory.CreateDirectory(Path.Combine(home, "log"));
        int? managementPort = management ? FreePort.Next() : null;
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), management ? "[rabbitmq_management]." : "[].");
        if (managementPort is { } port)
        {
            File.WriteAllText(Path.Combine(home, "rabbitmq.conf"), $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {port}\n");
        }
        if (RunsAsBrokerUser)
        {
            System.Diagnostics.Process.Start("chown", ["-R", "rabbitmq:rabbitmq", home])!.WaitForExit();
        }
        return new RabbitMqNode(server, home, $"ecosystemmarket-{NodeSuffix(dataDirectory)}@localhost", FreePort.Next(), managementPort, output);
    }

    /// <summary>Starts the node and waits until it accepts AMQP connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await StopLeftoverAsync();
        Process.Start();
        await Process.WaitUntilAsync(() => FreePort.AcceptsConnectionsAsync(Port), StartTimeout, cancellationToken);
    }

    /// <summary>
    /// Stops a node of this name that an earlier run left behind (its app host killed before it could stop the
    /// node): it would hold the node name and refuse the next start.
    /// </summary>
    public Task StopLeftoverAsync() => StopCommandAsync();

    /// <summary>Stops the node as an operator would (<c>rabbitmqctl stop</c>) and waits until it is gone.</summary>
    public Task StopAsync() => Process.StopAsync();

    /// <summary>Runs <c>rabbitmqctl</c> against this node; returns its standard output.</summary>
    public async Task<string> CtlAsync(params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(_ctl, ["-q", "-n", NodeName, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }
        return await output;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task StopCommandAsync()
    {
        try
        {
            await CtlAsync("stop");
        }
        catch (InvalidOperationException)
        {
            // The node did not answer; the process is killed when it does not exit in time.
        }
    }

    /// <summary>
    /// Debian's rabbitmq-server started as root drops to the 'rabbitmq' user, which must own the node's
    /// folders and reach them: a data folder under /root or a private temp folder it could not, so the
    /// node then lives in the broker user's own home, one folder per data folder.
    /// </summary>
    private static bool RunsAsBrokerUser =>
        Environment.UserName == "root" && File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("rabbitmq:", StringComparison.Ordinal));

    /// <summary>The node name follows the data folder: the same folder finds its queues again, two folders never clash.</summary>
    private static string NodeSuffix(string dataDirectory) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..8];
}
