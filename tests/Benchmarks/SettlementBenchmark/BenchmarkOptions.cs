namespace EcosystemMarket.Benchmarks;

public sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: SettlementBenchmark [--wins N] [--runs N] [--in-flight N] [--prefetch N] [--set KEY=VALUE]...
          --wins N        wins settled end to end, and messages moved raw, per run (default 20000)
          --runs N        runs of each, alternating; the medians are compared (default 3)
          --in-flight N   raw publisher: confirms outstanding at once (default 200)
          --prefetch N    raw consumer: unacknowledged deliveries at once (default 200)
          --set KEY=VALUE configuration for the Settlement process, e.g. --set Messaging__PrefetchCount=64
        Runs against ECOSYSTEM_TEST_RABBITMQ or amqp://guest:guest@127.0.0.1:5672/, in a virtual host of its own.
        """;

    public int Wins { get; init; } = 20_000;
    public int Runs { get; init; } = 3;
    public int InFlight { get; init; } = 200;
    public ushort Prefetch { get; init; } = 200;
    public IReadOnlyDictionary<string, string> SettlementSettings { get; init; } = new Dictionary<string, string>();
    public string? Error { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0 ? n : (int?)null;
            if (args[i] == "--set" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var key, var setting])
            {
                options = options with { SettlementSettings = new Dictionary<string, string>(options.SettlementSettings) { [key] = setting } };
                continue;
            }
            options = (args[i], value) switch
            {
                ("--wins", { } wins) => options with { Wins = wins },
                ("--runs", { } runs) => options with { Runs = runs },
                ("--in-flight", { } inFlight) => options with { InFlight = inFlight },
                ("--prefetch", { } prefetch and <= ushort.MaxValue) => options with { Prefetch = (ushort)prefetch },
                _ => options with { Error = $"Unknown option or bad value: {string.Join(' ', args.Skip(i).Take(2))}" },
            };
            if (options.Error is not null)
            {
                break;
            }
        }
        return options;
    }
}
