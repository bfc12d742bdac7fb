namespace EcosystemMarket.Benchmarks;

public sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: SettlementBenchmark [--wins N] [--in-flight N] [--prefetch N]
          --wins N        wins settled end to end, and messages moved raw (default 20000)
          --in-flight N   raw publisher: confirms outstanding at once (default 200)
          --prefetch N    raw consumer: unacknowledged deliveries at once (default 200)
        Runs against ECOSYSTEM_TEST_RABBITMQ or amqp://guest:guest@127.0.0.1:5672/, in a virtual host of its own.
        """;

    public int Wins { get; init; } = 20_000;
    public int InFlight { get; init; } = 200;
    public ushort Prefetch { get; init; } = 200;
    public string? Error { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0 ? n : (int?)null;
            options = (args[i], value) switch
            {
                ("--wins", { } wins) => options with { Wins = wins },
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
