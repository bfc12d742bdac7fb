using System.Globalization;

namespace EcosystemMarket.MatchingBenchmark;

public sealed record BenchmarkOptions(int Partners, int Queries, int Warmup, int SqlQueries, double SqlBudgetSeconds, int Limit, int Seed, string? Dump = null)
{
    public const string Usage = """
        dotnet run -c Release --project tests/Benchmarks/MatchingBenchmark -- [options]
          --partners N        partners in the ecosystem (100000)
          --queries N         measured queries per path (2000)
          --warmup N          warm-up queries per path, not measured (200)
          --sql-queries N     of the measured queries, how many SQLite also answers, evenly spread (400)
          --sql-budget S      stop the SQLite phase after S seconds of queries (60)
          --limit N           candidates per query (20)
          --seed N            seed of the generated ecosystem (20260601)
          --dump FILE         write every in-process answer to FILE, to compare two builds of the ranker
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(100_000, 2_000, 200, 400, 60, 20, 20260601);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--partners" => options with { Partners = Int(value) },
                "--queries" => options with { Queries = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--sql-queries" => options with { SqlQueries = Int(value) },
                "--sql-budget" => options with { SqlBudgetSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--limit" => options with { Limit = Int(value) },
                "--seed" => options with { Seed = Int(value) },
                "--dump" => options with { Dump = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    private static int Int(string value) => int.Parse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
