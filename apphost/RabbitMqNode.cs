using System.Diagnostics;

namespace EcosystemMarket.AppHost;

/// <summary>
/// A private RabbitMQ node for this data folder, on its own ports and node name, so it runs beside any
/// broker the machine already has and keeps its queues between runs.
/// </summary>
public static class RabbitMqNode
{
    private static readonly string[] Locations = ["/usr/sbin/rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/local/sbin/rabbitmq-server"];

    public static string? FindServer() =>
        Locations.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "rabbitmq-server")).FirstOrDefault(File.Exists);

    public static (ManagedProcess Process, string ConnectionString, int Port) Create(string server, string dataDirectory)
    {
        var port = FreePort.Next();
        var home = RunsAsBrokerUser
            ? Path.Combine("/var/lib/rabbitmq/ecosystemmarket", NodeSuffix(dataDirectory))
            : Path.Combine(dataDirectory, "rabbitmq");
        Directory.CreateDirectory(Path.Combine(home, "mnesia"));
        Directory.CreateDirectory(Path.Combine(home, "log"));
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), "[].");
        if (RunsAsBrokerUser)
        {
            Process.Start("chown", ["-R", "rabbitmq:rabbitmq", home])!.WaitForExit();
        }
        var node = $"ecosystemmarket-{NodeSuffix(dataDirectory)}@localhost";
        var startInfo = new ProcessStartInfo(server)
        {
            WorkingDirectory = home,
            Environment =
            {
                ["RABBITMQ_NODENAME"] = node,
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
        // As root, rabbitmq-server runs the node under su: a signal to our child would not reach it.
        var stop = () => Process.Start(Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl"), ["-q", "-n", node, "stop"])!.WaitForExitAsync();
        return (new ManagedProcess("rabbitmq", startInfo, stop), $"amqp://guest:guest@127.0.0.1:{port}/", port);
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
