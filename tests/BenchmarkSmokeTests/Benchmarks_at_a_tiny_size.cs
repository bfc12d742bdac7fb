using System.Diagnostics;
using System.Reflection;

namespace EcosystemMarket.BenchmarkSmokeTests;

/// <summary>
/// Every benchmark runs here at a size of seconds, so a change that breaks one fails CI instead of rotting until
/// someone measures. No targets: the figures of a tiny run on a shared machine mean nothing; that it runs to the
/// end, checks its own answers (exit code 0) and prints its figures does.
/// </summary>
public sealed class Benchmarks_at_a_tiny_size
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Matching_runs_each_path_and_prints_its_latencies()
    {
        var (exitCode, output) = await RunAsync("MatchingBenchmark", "EcosystemMarket.MatchingBenchmark",
            "--partners", "2000", "--queries", "40", "--warmup", "10", "--sql-queries", "5", "--sql-budget", "10");

        Assert.True(exitCode == 0, output);
        Assert.Contains("p99", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("gRPC", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Settlement_settles_each_win_once_and_prints_its_ratio_to_raw_RabbitMQ()
    {
        var (exitCode, output) = await RunAsync("SettlementBenchmark", "EcosystemMarket.SettlementBenchmark", "--wins", "300", "--runs", "1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("settled wins/s end to end", output, StringComparison.Ordinal);
        Assert.Contains("ratio", output, StringComparison.Ordinal);
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string project, string assembly, params string[] args)
    {
        var dll = Path.Combine(Metadata("RepositoryRoot"), "tests", "Benchmarks", project, "bin", Metadata("Configuration"), "net10.0", assembly + ".dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{project} did not finish within {Limit}.\n{await stdout}\n{await stderr}");
        }
        var output = $"{await stdout}\n{await stderr}";
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        return (process.ExitCode, output);
    }

    private static string Metadata(string key) =>
        typeof(TestSupport.ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
