using EcosystemMarket.Hosting;

namespace EcosystemMarket.AppHost;

public sealed record AppHostOptions
{
    public const string Usage = """
        usage:
          apphost [--data DIR] [--gateway-port N] [--dashboard-port N] [--messaging AMQP_URI [--messaging-management URL]] [--seed-demo]
              start RabbitMQ (or use AMQP_URI), the four services, the gateway and the dashboard
              (ports: gateway 5080, dashboard 18888; 0 picks a free port); the dashboard's queues page
              reads that broker's management API at URL (e.g. http://guest:guest@127.0.0.1:15672/);
              --seed-demo fills them with a demo ecosystem through the gateway and keeps it active
          apphost token --role partner|vendor|admin [--partner GUID] [--vendor ID] [--data DIR]
              print a development token signed with the local key
        """;

    public string Command { get; init; } = "run";
    public string DataDirectory { get; init; } = Path.Combine(RepositoryLayout.Root, ".data");
    public int GatewayPort { get; init; } = 5080;
    public int DashboardPort { get; init; } = DashboardResource.DefaultPort;
    public string? Messaging { get; init; } = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");
    public string? MessagingManagement { get; init; }
    public string Role { get; init; } = "partner";
    public Guid? PartnerId { get; init; }
    public string? VendorId { get; init; }
    public string? Error { get; init; }
    public bool SeedDemo { get; init; }

    public string SigningKeyFile => Path.Combine(DataDirectory, "signing-key");

    public static AppHostOptions Parse(string[] args)
    {
        var options = new AppHostOptions();
        var rest = new Queue<string>(args);
        if (args is ["--help" or "-h" or "help"])
        {
            return options with { Command = "help" };
        }
        if (rest.TryPeek(out var first) && first == "token")
        {
            options = options with { Command = rest.Dequeue() };
        }
        while (rest.TryDequeue(out var flag))
        {
            if (flag == "--seed-demo")
            {
                options = options with { SeedDemo = true };
                continue;
            }
            if (!rest.TryDequeue(out var value))
            {
                return options with { Error = $"{flag} needs a value." };
            }
            options = flag switch
            {
                "--data" => options with { DataDirectory = Path.GetFullPath(value) },
                "--gateway-port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535 => options with { GatewayPort = port },
                "--dashboard-port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535 => options with { DashboardPort = port },
                "--messaging" => options with { Messaging = value },
                "--messaging-management" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                    => options with { MessagingManagement = value },
                "--role" when value is "partner" or "vendor" or "admin" => options with { Role = value },
                "--partner" when Guid.TryParse(value, out var partner) => options with { PartnerId = partner },
                "--vendor" => options with { VendorId = value },
                _ => options with { Error = $"Unknown option or bad value: {flag} {value}" },
            };
            if (options.Error is not null)
            {
                return options;
            }
        }
        return options.MessagingManagement is not null && options.Messaging is null
            ? options with { Error = "--messaging-management belongs to the broker --messaging names; the app host's own broker brings its own." }
            : options;
    }
}
