namespace EcosystemMarket.AppHost;

/// <summary>
/// The app host's command line. <c>token</c> mints a development token and exits; otherwise the flags become
/// configuration keys of the distributed application (<see cref="Keys"/>), which appsettings or environment
/// variables may set as well.
/// </summary>
public sealed record AppHostOptions
{
    public const string Usage = """
        usage:
          apphost [--data DIR] [--gateway-port N] [--messaging AMQP_URI] [--sqlserver CONNECTION_STRING] [--seed-demo]
                  [--trace-sampling RATIO]
              start RabbitMQ (or use AMQP_URI), the four services and the gateway (port 5080; 0 picks a free
              port) under the Aspire dashboard (http://localhost:18888, sign-in link printed at start); SQLite
              files under DIR (default .data beside apphost/) unless a SQL Server is named; --seed-demo fills
              the system with a demo ecosystem through the gateway and keeps it active; --trace-sampling keeps
              that share (0 to 1) of new traces instead of every one, for load runs (default 1)
          apphost token --role partner|vendor|admin [--partner GUID] [--vendor ID] [--data DIR]
              print a development token signed with the data folder's key
        """;

    public static class Keys
    {
        public const string Data = "EcosystemMarket:Data";
        public const string GatewayPort = "EcosystemMarket:GatewayPort";
        public const string SeedDemo = "EcosystemMarket:SeedDemo";
        public const string Messaging = "ConnectionStrings:messaging";
        public const string SqlServer = "ConnectionStrings:sqlserver";
        public const string TraceSampling = "EcosystemMarket:TraceSampling";
    }

    public string Command { get; init; } = "run";
    public Dictionary<string, string?> Configuration { get; } = [];
    public string Role { get; init; } = "partner";
    public Guid? PartnerId { get; init; }
    public string? VendorId { get; init; }
    public string? Error { get; init; }

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
            if (flag.Contains('='))
            {
                // --Key=Value: any configuration key, read by the distributed application's command-line source.
                continue;
            }
            if (flag == "--seed-demo")
            {
                options.Configuration[Keys.SeedDemo] = "true";
                continue;
            }
            if (!rest.TryDequeue(out var value))
            {
                return options with { Error = $"{flag} needs a value." };
            }
            options = options.With(flag, value);
            if (options.Error is not null)
            {
                return options;
            }
        }
        return options;
    }

    private AppHostOptions With(string flag, string value)
    {
        var key = flag switch
        {
            "--data" => Keys.Data,
            "--gateway-port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535 => Keys.GatewayPort,
            "--messaging" when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" => Keys.Messaging,
            "--sqlserver" => Keys.SqlServer,
            "--trace-sampling" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio)
                && ratio is >= 0 and <= 1 => Keys.TraceSampling,
            _ => null,
        };
        if (key is not null)
        {
            Configuration[key] = key == Keys.Data ? Path.GetFullPath(value) : value;
            return this;
        }
        return flag switch
        {
            "--role" when value is "partner" or "vendor" or "admin" => this with { Role = value },
            "--partner" when Guid.TryParse(value, out var partner) => this with { PartnerId = partner },
            "--vendor" => this with { VendorId = value },
            _ => this with { Error = $"Unknown option or bad value: {flag} {value}" },
        };
    }
}
