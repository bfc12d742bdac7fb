using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Contracts.Matching;
using EcosystemMarket.Matching.Model;
using EcosystemMarket.ServiceDefaults.Authentication;
using Grpc.Core;
using Grpc.Net.Client;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>
/// Measures Matching at ecosystem scale in one process on one machine: index build time and memory,
/// FindPartners latency in process and over gRPC on loopback, and the same queries answered by SQLite.
/// </summary>
public static class Harness
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const double SqlRatioTarget = 50;

    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        var total = Stopwatch.StartNew();
        PrintMachine(args);
        var table = new ReportTable();
        var notes = new List<string>();

        // 1. The ecosystem.
        var memoryBefore = LiveBytes();
        var started = Stopwatch.GetTimestamp();
        var ecosystem = Ecosystem.Generate(options.Seed, options.Partners, options.Warmup + options.Queries, options.Limit);
        Log($"generated {ecosystem.Partners.Count:N0} partners, {ecosystem.Taxonomy.CodeCount:N0} capability codes, " +
            $"{ecosystem.Queries.Count:N0} queries, {ecosystem.Invitations.Count:N0} invitations, {ecosystem.Wins.Count:N0} wins in {Seconds(started)}");
        PrintEcosystem(ecosystem);
        var memoryGenerated = LiveBytes();

        // 2. The index, built as the bootstrap builds it.
        var (index, build) = await BuildIndexAsync(ecosystem.Partners);
        var buildSeconds = build.Seconds;
        Log($"snapshots serialized and deserialized as the directory streams them in {build.ReceivingSeconds:F1} s");
        Log($"index build: {build.Seconds:F2} s wall, {build.CpuSeconds:F2} s CPU of the process, {build.Collections} collections pausing {build.PausedSeconds:F2} s");
        var memoryIndexed = LiveBytes();
        var gcInfo = GC.GetGCMemoryInfo();
        // The received snapshots are gone: what is left beyond the generated ecosystem is everything the index holds.
        var indexMb = Mb(memoryIndexed - memoryGenerated);
        Log($"index: {index.Count:N0} partners applied in {buildSeconds:F2} s; managed heap {Mb(memoryBefore):F0} MB → {Mb(memoryGenerated):F0} MB generated " +
            $"→ {Mb(build.LiveBytesWithSnapshots):F0} MB with the received snapshots ({Mb(build.LiveBytesWithSnapshots - memoryGenerated):F0} MB) → {Mb(memoryIndexed):F0} MB " +
            $"indexed, the snapshots dropped (the index holds {indexMb:F0} MB); GC heap {Mb(gcInfo.HeapSizeBytes):F0} MB, working set {Mb(Environment.WorkingSet):F0} MB");

        var record = new TrackRecord();
        foreach (var invitation in ecosystem.Invitations)
        {
            record.Apply(invitation);
        }
        foreach (var win in ecosystem.Wins)
        {
            record.Apply(win);
        }
        var clock = new FixedClock(Ecosystem.Today);
        var matcher = new PartnerMatcher(index, record, clock);
        var warmup = ecosystem.Queries.Take(options.Warmup).ToList();
        var measured = ecosystem.Queries.Skip(options.Warmup).ToList();

        // 3. In process.
        foreach (var query in warmup)
        {
            matcher.Find(query);
        }
        Settle();
        var inProcess = new Latencies(measured.Count);
        var inProcessCpu = new Latencies(measured.Count);
        var results = new MatchResult[measured.Count];
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < measured.Count; i++)
        {
            var cpu = ThreadCpuClock.NowNanoseconds();
            var start = Stopwatch.GetTimestamp();
            results[i] = matcher.Find(measured[i]);
            inProcess.Add(start);
            inProcessCpu.Add((ThreadCpuClock.NowNanoseconds() - cpu) / 1e6);
        }
        var allocatedPerQuery = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Math.Max(1, measured.Count);
        Log($"in process: {inProcess.Summary()}; {allocatedPerQuery / 1024.0:F0} KB allocated per query, " +
            $"{GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2 collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms in all");
        if (options.Dump is { } dump)
        {
            File.WriteAllLines(dump, results.SelectMany((r, i) => r.Candidates
                .Select(c => $"{i} {c.PartnerId} {c.Score:R} {string.Join(" | ", c.Reasons)}")
                .Prepend($"{i} lacks {string.Join(",", r.OwnerLacks)}")));
            Log($"answers written to {Path.GetFullPath(dump)}");
        }
        if (ThreadCpuClock.IsSupported)
        {
            Log($"in process, CPU time of the querying thread: {inProcessCpu.Summary()}");
        }
        var candidates = results.Select(r => r.Candidates.Count).ToArray();
        Log($"answers: {candidates.Average():F1} candidates on average, {candidates.Count(c => c == 0)} queries with none, " +
            $"{results.Count(r => r.OwnerLacks.Count < 2)} where the owner lacked fewer than 2 of the needs");
        // What a query costs grows with the posting entries it walks (step 1 of the ranker): one per partner covering a lacking need.
        var walked = index.Read(view => results.Select(r => r.OwnerLacks.Sum(code => (long)view.Postings(code).Length)).ToArray());
        var slowest = Enumerable.Range(0, measured.Count).OrderByDescending(i => inProcessCpu.Samples[i]).Take(Math.Max(1, measured.Count / 100)).ToList();
        Log($"posting entries walked per query: mean {walked.Average():N0}, max {walked.Max():N0}; the slowest 1 % of queries (by CPU) walked " +
            $"{slowest.Average(i => walked[i]):N0} on average at {slowest.Average(i => inProcessCpu.Samples[i] * 1e6 / Math.Max(1, walked[i])):F1} ns each, " +
            $"all queries {Enumerable.Range(0, measured.Count).Sum(i => inProcessCpu.Samples[i]) * 1e6 / Math.Max(1, walked.Sum()):F1} ns per entry");

        // 4. Over gRPC, on loopback, with a bearer token per owner.
        Latencies grpc;
        int grpcDisagreements;
        await using (var host = await MatchmakerHost.StartAsync(index, record, clock))
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            var client = new Matchmaker.MatchmakerClient(channel);
            // Brokering's service token, as the service presents it on every call.
            var serviceToken = new Metadata { { "Authorization", $"Bearer {DevelopmentTokens.CreateService(host.SigningKey, "brokering", "ecosystemmarket-matching", DateTimeOffset.UtcNow, TimeSpan.FromHours(1))}" } };
            foreach (var query in warmup)
            {
                await client.FindPartnersAsync(ToRequest(query), serviceToken);
            }
            Settle();
            var requests = measured.Select(ToRequest).ToList();
            grpc = new Latencies(measured.Count);
            grpcDisagreements = 0;
            for (var i = 0; i < measured.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var reply = await client.FindPartnersAsync(requests[i], serviceToken);
                grpc.Add(start);
                if (!reply.Candidates.Select(c => c.PartnerId).SequenceEqual(results[i].Candidates.Select(c => c.PartnerId.ToString())))
                {
                    if (grpcDisagreements++ == 0)
                    {
                        Log($"  first difference, query {i}: gRPC [{string.Join(", ", reply.Candidates.Take(3).Select(c => $"{c.Name} {c.Score}"))}] " +
                            $"in process [{string.Join(", ", results[i].Candidates.Take(3).Select(c => $"{c.Name} {c.Score}"))}]");
                    }
                }
            }
            Log($"gRPC at {host.Address} (HTTP/2 cleartext, JWT bearer): {grpc.Summary()}; {grpcDisagreements} answers differ from in process");
        }

        // 5. SQLite (skipped with --sql-queries 0: loading a million partners into it takes minutes).
        var directory = Directory.CreateTempSubdirectory("matching-benchmark-");
        Latencies sql;
        List<int> sqlPositions;
        double coverageAgreement, orderAgreement, loadSeconds;
        if (options.SqlQueries == 0)
        {
            (sql, sqlPositions, coverageAgreement, orderAgreement, loadSeconds) = (new Latencies(0), [], 100, 0, 0);
            directory.Delete();
            Log("SQLite: skipped (--sql-queries 0)");
        }
        else
        {
            try
            {
                using var database = SqlMatcher.Create(directory.FullName);
                started = Stopwatch.GetTimestamp();
                database.Load(ecosystem.Partners, record, ecosystem.Wins);
                loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                Log($"SQLite at {database.Path}: loaded in {loadSeconds:F1} s ({database.RowCount("partner_capabilities"):N0} capability rows, " +
                    $"{database.RowCount("certification_capabilities"):N0} certification rows, file {Mb(new FileInfo(database.Path).Length):F0} MB)");
                Console.WriteLine("  query plan (3 needs):");
                Console.WriteLine(database.Plan(3));

                foreach (var query in warmup.Take(20))
                {
                    database.Find(query);
                }
                var step = Math.Max(1, measured.Count / Math.Max(1, options.SqlQueries));
                sqlPositions = [];
                sql = new Latencies(options.SqlQueries);
                int positions = 0, sameCoverage = 0, sameLists = 0;
                var budget = Stopwatch.StartNew();
                for (var i = 0; i < measured.Count && sqlPositions.Count < options.SqlQueries && budget.Elapsed.TotalSeconds < options.SqlBudgetSeconds; i += step)
                {
                    var start = Stopwatch.GetTimestamp();
                    var answer = database.Find(measured[i]);
                    sql.Add(start);
                    sqlPositions.Add(i);

                    var expected = results[i].Candidates;
                    positions += Math.Max(expected.Count, answer.Count);
                    for (var rank = 0; rank < Math.Min(expected.Count, answer.Count); rank++)
                    {
                        if (expected[rank].CoversMustHave.Count == answer[rank].Musts && expected[rank].CoversNiceToHave.Count == answer[rank].Nices)
                        {
                            sameCoverage++;
                        }
                    }
                    if (expected.Select(c => c.PartnerId.ToString()).SequenceEqual(answer.Select(c => c.PartnerId)))
                    {
                        sameLists++;
                    }
                }
                coverageAgreement = positions == 0 ? 100 : 100.0 * sameCoverage / positions;
                orderAgreement = sqlPositions.Count == 0 ? 0 : 100.0 * sameLists / sqlPositions.Count;
                Log($"SQLite: {sql.Count} queries: {sql.Summary()}; coverage at each rank agrees with the index at {coverageAgreement:F1} % of positions; " +
                    $"identical top-{options.Limit} lists for {orderAgreement:F1} % of queries");
            }
            finally
            {
                SqliteCleanup(directory);
            }
        }

        // 6. The table.
        var indexOnSqlQueries = inProcess.Subset(sqlPositions);
        var ratio50 = sql.Percentile(50) / indexOnSqlQueries.Percentile(50);
        var ratio99 = sql.Percentile(99) / indexOnSqlQueries.Percentile(99);
        table.Add("partners indexed", $"{index.Count:N0}");
        table.Add("capability codes (domains.areas.leaves)", $"{ecosystem.Taxonomy.CodeCount:N0}");
        var targets = Targets.For(index.Count);
        table.Add("index build (every snapshot applied)", $"{buildSeconds:F2} s", $"≤ {targets.BuildSeconds} s", buildSeconds <= targets.BuildSeconds);
        table.Add("index memory (all it holds; no snapshot is kept)", $"{indexMb:F0} MB", $"≤ {targets.IndexMb:N0} MB", indexMb <= targets.IndexMb);
        table.Add("the received snapshots, for comparison", $"{Mb(build.LiveBytesWithSnapshots - memoryGenerated):F0} MB");
        table.Add($"in process p50 / p90 ({measured.Count:N0} queries)", $"{Latencies.Format(inProcess.Percentile(50))} / {Latencies.Format(inProcess.Percentile(90))}");
        table.Add("in process p99", Latencies.Format(inProcess.Percentile(99)), $"≤ {targets.InProcessP99Ms} ms", inProcess.Percentile(99) <= targets.InProcessP99Ms);
        table.Add("in process max", Latencies.Format(inProcess.Max));
        if (ThreadCpuClock.IsSupported)
        {
            table.Add("in process CPU time p50 / p99 / max", $"{Latencies.Format(inProcessCpu.Percentile(50))} / " +
                $"{Latencies.Format(inProcessCpu.Percentile(99))} / {Latencies.Format(inProcessCpu.Max)}");
        }
        table.Add($"gRPC p50 / p90 ({measured.Count:N0} calls)", $"{Latencies.Format(grpc.Percentile(50))} / {Latencies.Format(grpc.Percentile(90))}");
        table.Add("gRPC p99", Latencies.Format(grpc.Percentile(99)), $"≤ {targets.GrpcP99Ms} ms", grpc.Percentile(99) <= targets.GrpcP99Ms);
        table.Add("gRPC max", Latencies.Format(grpc.Max));
        table.Add("gRPC answers identical to in process", $"{measured.Count - grpcDisagreements:N0} of {measured.Count:N0}", "all", grpcDisagreements == 0);
        if (options.SqlQueries > 0)
        {
            table.Add($"SQLite p50 / p99 ({sql.Count} queries)", $"{Latencies.Format(sql.Percentile(50))} / {Latencies.Format(sql.Percentile(99))}");
            table.Add("index p50 / p99 on those queries", $"{Latencies.Format(indexOnSqlQueries.Percentile(50))} / {Latencies.Format(indexOnSqlQueries.Percentile(99))}");
            table.Add("SQLite p50 / index p50", $"{ratio50:F0}×", $"≥ {SqlRatioTarget}×", ratio50 >= SqlRatioTarget);
            table.Add("SQLite p99 / index p99", $"{ratio99:F0}×", $"≥ {SqlRatioTarget}×", ratio99 >= SqlRatioTarget);
            table.Add("SQLite coverage agrees at each rank", $"{coverageAgreement:F1} %", "100 %", coverageAgreement >= 99.95);
            table.Add($"SQLite identical top-{options.Limit} lists", $"{orderAgreement:F1} %");
        }

        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine();
        notes.Add($"Latencies are wall-clock per call, sequential, measured after {options.Warmup} warm-up queries per path; percentiles are nearest-rank. " +
            "CPU time (CLOCK_THREAD_CPUTIME_ID) is what a query cost the querying thread, without the time it waited for a core.");
        notes.Add("gRPC: the real MatchmakerService on Kestrel at 127.0.0.1, HTTP/2 only (h2c), JWT bearer validated on every call " +
            "(Brokering's development service token, random signing key); client: one GrpcChannel, sequential unary calls.");
        if (options.SqlQueries > 0)
        {
            notes.Add($"SQLite: WAL, 512 MB page cache, indexes built after the load ({loadSeconds:F1} s), ANALYZE; one statement per query, via Dapper. " +
                "Track-record points are a derived per-partner column (the index computes them from live facts).");
            notes.Add("Where a SQLite list differs from the index's, it swaps partners a tenth apart: SQLite's ROUND takes halves away from zero, " +
                ".NET's Math.Round to even (16.25 → 16.3 against 16.2).");
            notes.Add($"SQLite answered {sql.Count} of the {measured.Count:N0} measured queries (evenly spread, --sql-queries/--sql-budget); " +
                "ratios compare with the index's latencies on exactly those queries.");
        }
        if (!table.AllMet)
        {
            notes.Add("MISSED: " + string.Join("; ", table.Missed));
        }
        foreach (var note in notes)
        {
            Console.WriteLine("- " + note);
        }
        Console.WriteLine($"- total run time {total.Elapsed.TotalSeconds:F0} s; load average {LoadAverage()}");
        return 0;
    }

    private static FindPartnersRequest ToRequest(MatchRequest query)
    {
        var request = new FindPartnersRequest
        {
            OwnerPartnerId = query.OwnerPartnerId.ToString(),
            Limit = query.Limit,
            Region = query.Region ?? "",
            Vertical = query.Vertical ?? "",
        };
        request.Needs.AddRange(query.Needs.Select(n => new Contracts.Matching.Need { Capability = n.Capability, MustHave = n.MustHave }));
        return request;
    }

    private sealed record BuildFigures(double ReceivingSeconds, long LiveBytesWithSnapshots, double Seconds, double CpuSeconds, int Collections, double PausedSeconds);

    /// <summary>
    /// Builds the index as the bootstrap does: from snapshots deserialized from the directory's JSON (so that they share
    /// no string with the generator, as in the service), applied in batches, then trimmed. The snapshots are this
    /// method's alone, so that they are garbage once it returns, as in the service.
    /// </summary>
    private static async Task<(PartnerIndex Index, BuildFigures Figures)> BuildIndexAsync(IReadOnlyList<PartnerSnapshot> generated)
    {
        var started = Stopwatch.GetTimestamp();
        var received = generated.AsParallel().AsOrdered()
            .Select(p => JsonSerializer.Deserialize<PartnerSnapshot>(JsonSerializer.SerializeToUtf8Bytes(p, Json), Json)!)
            .ToList();
        var receivingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var liveWithSnapshots = LiveBytes();
        var index = new PartnerIndex();
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        started = Stopwatch.GetTimestamp();
        await index.ApplyAllAsync(received.ToAsyncEnumerable(), CancellationToken.None);
        index.MarkReady();
        return (index, new BuildFigures(receivingSeconds, liveWithSnapshots, Stopwatch.GetElapsedTime(started).TotalSeconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.CollectionCount(0) - collections, (GC.GetTotalPauseDuration() - paused).TotalSeconds));
    }

    /// <summary>
    /// The bytes of live objects: after blocking, compacting collections of every generation and the large object heap.
    /// <c>GC.GetTotalMemory(true)</c> alone still counted a dropped gigabyte of snapshots as in use.
    /// </summary>
    private static long LiveBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Lets tiered compilation finish promoting the warmed-up methods and leaves a clean heap before measuring.</summary>
    private static void Settle()
    {
        Thread.Sleep(500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void SqliteCleanup(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException exception)
        {
            Log($"could not delete {directory.FullName}: {exception.Message}");
        }
    }

    private static void PrintMachine(string[] args)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine("Matching benchmark");
        Console.WriteLine($"  command: dotnet run -c Release --project tests/Benchmarks/MatchingBenchmark -- {string.Join(' ', args)}");
        Console.WriteLine($"  process: {Environment.CommandLine}");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors{(cpu is null ? "" : $" ({cpu})")}, " +
            $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {Mb(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) / 1024:F0} GB available");
        Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC " +
            $"({GCSettings.LatencyMode}), {Configuration()} build, date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"  load average at start: {LoadAverage()} (other work on the machine skews latencies)");
        Console.WriteLine();
    }

    private static void PrintEcosystem(Ecosystem ecosystem)
    {
        var partners = ecosystem.Partners;
        var top = ecosystem.Taxonomy.LeavesByPopularity[0];
        Log($"  per partner: {partners.Average(p => p.Capabilities.Count):F1} capabilities, {partners.Average(p => p.Certifications.Count):F1} certifications " +
            $"({partners.Sum(p => p.Certifications.Count(c => !c.IsValidOn(Ecosystem.Today))):N0} of {partners.Sum(p => p.Certifications.Count):N0} expired or not yet valid), " +
            $"{partners.Average(p => p.Regions.Count):F1} regions, {partners.Average(p => p.Verticals.Count):F1} verticals; " +
            $"{partners.Count(p => !p.Active):N0} inactive; tiers {string.Join(", ", partners.CountBy(p => p.Tier).Select(t => $"{t.Key} {t.Value:N0}"))}");
        Log($"  most popular leaf {top} held by {partners.Count(p => p.Capabilities.Any(c => c.Code == top)):N0} partners; " +
            $"queries: {ecosystem.Queries.Average(q => q.Needs.Count):F1} needs on average, " +
            $"{ecosystem.Queries.Count(q => q.Needs.Any(n => !n.Capability.Contains('.', StringComparison.Ordinal))):N0} with a whole-domain need");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Configuration() =>
#if DEBUG
        "DEBUG (figures not representative)";
#else
        "Release";
#endif

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string Seconds(long startTimestamp) => $"{Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds:F1} s";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
