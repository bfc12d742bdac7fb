using System.Security.Cryptography;
using System.Text;

namespace EcosystemMarket.AppHost;

/// <summary>The broker every service publishes to and consumes from, as the services receive it: <c>ConnectionStrings__messaging</c>.</summary>
public sealed record Messaging(IResourceBuilder<IResourceWithConnectionString> ConnectionString, IResourceBuilder<ExecutableResource>? Node);

public static class MessagingResources
{
    private static readonly string[] ServerLocations = ["/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/local/lib/rabbitmq/bin/rabbitmq-server"];

    /// <summary>
    /// The broker named by <c>ConnectionStrings:messaging</c> when one is configured; else a private RabbitMQ node
    /// of the data folder, run from the OS's <c>rabbitmq-server</c> as an executable resource (there is no container
    /// engine to run an image). The node listens on loopback only, on ports Aspire allocates, and keeps its queues
    /// in the data folder between runs.
    /// </summary>
    public static Messaging AddMessaging(this IDistributedApplicationBuilder builder, EcosystemData data)
    {
        if (builder.Configuration[AppHostOptions.Keys.Messaging] is { Length: > 0 })
        {
            return new Messaging(builder.AddConnectionString("messaging"), null);
        }
        // The script itself, not the /usr/sbin wrapper: run as root, the wrapper moves the node under su to the
        // 'rabbitmq' user, and the stop signal Aspire sends would never reach it.
        var server = ServerLocations.FirstOrDefault(File.Exists)
            ?? throw new DistributedApplicationException("RabbitMQ is not installed: apt-get install -y rabbitmq-server (or configure ConnectionStrings:messaging, --messaging AMQP_URI).");
        var home = Path.Combine(data.Directory, "rabbitmq");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), "[rabbitmq_management].");

        var node = builder.AddExecutable("rabbitmq", server, home)
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            // Erlang's default distribution port is the AMQP port + 20,000, which overflows above 45,535.
            .WithEndpoint(name: "distribution", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithHttpEndpoint(name: "management", env: "RABBITMQ_MANAGEMENT_PORT", isProxied: false)
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", $"ecosystemmarket-{Suffix(data.Directory)}@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(home, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(home, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(home, "enabled_plugins"));
        var management = node.GetEndpoint("management");
        node.WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
            $"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{management.Property(EndpointProperty.TargetPort)}}}] -kernel inet_dist_use_interface {{127,0,0,1}}");

        var amqp = node.GetEndpoint("amqp");
        var connectionString = builder.AddConnectionString("messaging",
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqp.Property(EndpointProperty.Port)}/"));
        var healthCheck = "rabbitmq-amqp";
        var check = new AmqpHealthCheck(cancellationToken => connectionString.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, check, failureStatus: null, tags: null));
        node.WithHealthCheck(healthCheck);
        return new Messaging(connectionString, node);
    }

    public static IResourceBuilder<ProjectResource> WithMessaging(this IResourceBuilder<ProjectResource> service, Messaging messaging)
    {
        service.WithReference(messaging.ConnectionString);
        return messaging.Node is { } node ? service.WaitFor(node) : service;
    }

    /// <summary>The node name follows the data folder: the same folder finds its queues again, two folders never clash.</summary>
    private static string Suffix(string dataDirectory) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..8];
}
