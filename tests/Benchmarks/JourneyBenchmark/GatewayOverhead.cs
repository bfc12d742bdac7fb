using System.Diagnostics;
using System.Net.Http.Headers;
using EcosystemMarket.MatchingBenchmark;
using EcosystemMarket.ServiceDefaults.Authentication;

namespace EcosystemMarket.JourneyBenchmark;

/// <summary>
/// What the gateway costs: the same read (one partner's profile, about 1 KB) asked straight of Partners and through the
/// gateway, which authenticates, rate-limits and proxies it, by the same number of clients for the same time. Rounds
/// alternate (direct, gateway, direct, gateway) so that whatever else the machine does weighs on both. Each request
/// carries the token of one of many partners, so the gateway's budget per partner (600 a minute) is not what is measured.
/// </summary>
public sealed class GatewayOverhead(Uri direct, Uri gateway, string signingKey)
{
    public const double Target = 0.4;
    private const int Rounds = 2;
    private const int Callers = 2048;

    public sealed record Path(string Name, long Requests, long Errors, double Seconds, Latencies Latencies)
    {
        public double PerSecond => Requests / Seconds;
    }

    public sealed record Result(long Bytes, Path Direct, Path Gateway)
    {
        public double Ratio => Gateway.PerSecond / Direct.PerSecond;
    }

    /// <summary>Reads <paramref name="partner"/>'s profile with <paramref name="clients"/> clients, <paramref name="seconds"/> per path.</summary>
    public async Task<Result> MeasureAsync(Guid partner, int clients, int seconds, CancellationToken cancellationToken)
    {
        var tokens = Enumerable.Range(0, Callers).Select(_ => DevelopmentTokens.Create(signingKey, Roles.Partner, Guid.NewGuid())).ToArray();
        var path = $"api/partners/{partner}";
        using var straight = Client(direct);
        using var proxied = Client(gateway);
        var bytes = (await Get(straight, path, tokens[0], cancellationToken)).Length;
        // Warm both paths (connections, JIT) before anything counts.
        await RunAsync(straight, path, tokens, clients, TimeSpan.FromSeconds(1), cancellationToken);
        await RunAsync(proxied, path, tokens, clients, TimeSpan.FromSeconds(1), cancellationToken);

        var round = TimeSpan.FromSeconds(Math.Max(1.0, seconds / (double)Rounds));
        var (directRuns, gatewayRuns) = (new List<Path>(), new List<Path>());
        for (var i = 0; i < Rounds; i++)
        {
            directRuns.Add(await RunAsync(straight, path, tokens, clients, round, cancellationToken));
            gatewayRuns.Add(await RunAsync(proxied, path, tokens, clients, round, cancellationToken));
        }
        return new Result(bytes, Sum("direct", directRuns), Sum("gateway", gatewayRuns));
    }

    public static void Print(Result result, int clients, TextWriter output)
    {
        output.WriteLine($"Gateway overhead: GET /api/partners/{{id}} ({result.Bytes:N0} B), {clients} clients, rounds alternating");
        output.WriteLine("| path | requests | req/s | p50 | p99 | errors |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var path in new[] { result.Direct, result.Gateway })
        {
            output.WriteLine($"| {path.Name} | {path.Requests:N0} | {path.PerSecond:N0} | {Latencies.Format(path.Latencies.Percentile(50))} | " +
                             $"{Latencies.Format(path.Latencies.Percentile(99))} | {path.Errors:N0} |");
        }
        output.WriteLine($"  gateway / direct: {result.Ratio:F2} (target ≥ {Target:F1}: {(result.Ratio >= Target ? "met" : "missed")})");
    }

    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<byte[]> Get(HttpClient http, string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task<Path> RunAsync(HttpClient http, string path, string[] tokens, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var (requests, errors, next) = (0L, 0L, 0L);
        var latencies = new Latencies(1 << 16);
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var token = tokens[Interlocked.Increment(ref next) % tokens.Length];
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await Get(http, path, token, cancellationToken);
                    Interlocked.Increment(ref requests);
                    lock (latencies)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));
        return new Path(http.BaseAddress!.ToString(), requests, errors, Stopwatch.GetElapsedTime(started).TotalSeconds, latencies);
    }

    private static Path Sum(string name, IReadOnlyList<Path> runs)
    {
        var latencies = new Latencies(runs.Sum(r => r.Latencies.Count));
        foreach (var sample in runs.SelectMany(r => r.Latencies.Samples))
        {
            latencies.Add(sample);
        }
        return new Path(name, runs.Sum(r => r.Requests), runs.Sum(r => r.Errors), runs.Sum(r => r.Seconds), latencies);
    }
}
